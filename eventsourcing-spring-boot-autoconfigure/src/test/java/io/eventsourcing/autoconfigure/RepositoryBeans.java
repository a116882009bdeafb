package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.EventSourcedRepository;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.core.ResolvableType;

/** Looks repositories up by their generic type, as {@code @Autowired EventSourcedRepository<T>} does. */
final class RepositoryBeans {

    private RepositoryBeans() {
    }

    static <T> EventSourcedRepository<T> of(BeanFactory beanFactory, Class<T> entityType) {
        return beanFactory.<EventSourcedRepository<T>>getBeanProvider(type(entityType)).getObject();
    }

    /** Saves an entity with the repository of its class; returns it. */
    @SuppressWarnings("unchecked")
    static <T> T save(BeanFactory beanFactory, T entity) {
        of(beanFactory, (Class<T>) entity.getClass()).save(entity);
        return entity;
    }

    static ResolvableType type(Class<?> entityType) {
        return ResolvableType.forClassWithGenerics(EventSourcedRepository.class, entityType);
    }
}
