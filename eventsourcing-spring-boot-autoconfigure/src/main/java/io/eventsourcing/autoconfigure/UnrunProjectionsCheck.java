package io.eventsourcing.autoconfigure;

import io.eventsourcing.projection.Projection;
import io.eventsourcing.projection.Projections;
import java.util.Objects;
import java.util.Set;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Fails the startup of a context that has {@link Projection} beans but no {@link Projections} to run them (no
 * JDBC data source for their positions), so that no read model silently stays empty.
 * {@code eventsourcing.projections.enabled=false} turns the projections, and this check, off.
 */
final class UnrunProjectionsCheck implements SmartInitializingSingleton {

    private final ListableBeanFactory beans;

    UnrunProjectionsCheck(ListableBeanFactory beans) {
        this.beans = Objects.requireNonNull(beans, "beans");
    }

    @Override
    public void afterSingletonsInstantiated() {
        Set<String> projections = beans.getBeansWithAnnotation(Projection.class).keySet();
        if (!projections.isEmpty() && beans.getBeanNamesForType(Projections.class).length == 0) {
            throw new ConfigurationException("eventsourcing.projections.enabled", "the @Projection beans "
                    + projections + " would never run: their positions need a single JDBC DataSource, which the "
                    + "context does not have; add one, or set the property to false", null);
        }
    }
}
