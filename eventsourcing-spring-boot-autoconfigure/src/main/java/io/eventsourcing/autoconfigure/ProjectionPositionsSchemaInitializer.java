package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.jdbc.FlywaySchemaMigration;
import java.util.Objects;
import org.springframework.beans.factory.InitializingBean;

/** Creates or upgrades the table of projection positions when the bean is initialized. */
public class ProjectionPositionsSchemaInitializer implements InitializingBean {

    private final FlywaySchemaMigration migration;

    public ProjectionPositionsSchemaInitializer(FlywaySchemaMigration migration) {
        this.migration = Objects.requireNonNull(migration, "migration");
    }

    @Override
    public void afterPropertiesSet() {
        migration.migrate();
    }
}
