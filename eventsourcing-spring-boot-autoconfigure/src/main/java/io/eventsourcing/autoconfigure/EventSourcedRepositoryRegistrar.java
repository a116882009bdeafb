package io.eventsourcing.autoconfigure;

import io.eventsourcing.domain.EventBus;
import io.eventsourcing.domain.EventSourced;
import io.eventsourcing.domain.Mutator;
import io.eventsourcing.domain.TimestampedVersionedEntity;
import io.eventsourcing.infrastructure.EventPlayer;
import io.eventsourcing.infrastructure.EventSourcedRepository;
import io.eventsourcing.infrastructure.EventStore;
import io.eventsourcing.infrastructure.snapshot.SnapshotPolicy;
import io.eventsourcing.infrastructure.snapshot.SnapshotStrategy;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.StringUtils;

/**
 * Registers an {@code EventSourcedRepository<T>} bean for each entity type {@code T} of the application's
 * packages: the concrete subclasses of {@link TimestampedVersionedEntity} (aggregate roots among them) and the
 * classes annotated {@link EventSourced}, unless the application declares a repository of that type itself.
 * Repositories start from snapshots when a {@link SnapshotStrategy} bean exists.
 * Each bean is named after its type ({@code orderRepository}) and injected by its generic type.
 */
class EventSourcedRepositoryRegistrar implements ImportBeanDefinitionRegistrar {

    private final BeanFactory beanFactory;
    private final Environment environment;
    private final ResourceLoader resourceLoader;

    EventSourcedRepositoryRegistrar(BeanFactory beanFactory, Environment environment, ResourceLoader resourceLoader) {
        this.beanFactory = beanFactory;
        this.environment = environment;
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
        for (Class<?> entityType : ApplicationPackages.scan(beanFactory, environment, resourceLoader,
                new AssignableTypeFilter(TimestampedVersionedEntity.class),
                new AnnotationTypeFilter(EventSourced.class))) {
            ResolvableType repositoryType =
                    ResolvableType.forClassWithGenerics(EventSourcedRepository.class, entityType);
            if (((ListableBeanFactory) beanFactory).getBeanNamesForType(repositoryType, true, false).length == 0) {
                registry.registerBeanDefinition(beanName(entityType, registry), definition(entityType, repositoryType));
            }
        }
    }

    private <T> RootBeanDefinition definition(Class<T> entityType, ResolvableType repositoryType) {
        RootBeanDefinition definition = new RootBeanDefinition(EventSourcedRepository.class);
        definition.setTargetType(repositoryType);
        definition.setInstanceSupplier(() -> repository(entityType));
        return definition;
    }

    /**
     * A repository on the event store that saves on the context's bus, starting from snapshots when a snapshot
     * strategy is configured; measured and traced when metrics are on ({@link RepositoryInstrumentation}).
     */
    private <T> EventSourcedRepository<T> repository(Class<T> entityType) {
        EventBus eventBus = beanFactory.getBean(EventBus.class);
        EventPlayer<T> eventPlayer = eventPlayer(entityType);
        RepositoryInstrumentation instrumentation = beanFactory.getBeanProvider(RepositoryInstrumentation.class)
                .getIfAvailable();
        return instrumentation == null ? new EventSourcedRepository<>(eventPlayer, eventBus)
                : instrumentation.repository(eventPlayer, eventBus, entityType);
    }

    private <T> EventPlayer<T> eventPlayer(Class<T> entityType) {
        EventStore eventStore = beanFactory.getBean(EventStore.class);
        Mutator<T> mutator = mutator(entityType);
        SnapshotStrategy snapshots = beanFactory.getBeanProvider(SnapshotStrategy.class).getIfAvailable();
        if (snapshots == null) {
            return new EventPlayer<>(eventStore, mutator);
        }
        SnapshotPolicy policy = beanFactory.getBeanProvider(SnapshotPolicy.class).getIfAvailable(SnapshotPolicy::never);
        return new EventPlayer<>(eventStore, mutator, snapshots, entityType, policy);
    }

    /** The mutator the annotation names, or else the entity class's own constructor and methods. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <T> Mutator<T> mutator(Class<T> entityType) {
        EventSourced eventSourced = entityType.getAnnotation(EventSourced.class);
        if (eventSourced != null) {
            return Mutator.ofStaticMethod(entityType, eventSourced.mutator());
        }
        return (Mutator<T>) Mutator.ofEntityClass((Class) entityType.asSubclass(TimestampedVersionedEntity.class));
    }

    /** {@code orderRepository}, or the class's full name and "Repository" if another bean has that name. */
    private static String beanName(Class<?> entityType, BeanDefinitionRegistry registry) {
        String name = StringUtils.uncapitalizeAsProperty(entityType.getSimpleName()) + "Repository";
        return registry.containsBeanDefinition(name) ? entityType.getName() + "Repository" : name;
    }
}
