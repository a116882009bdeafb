package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.SequencedItemMapper;

/**
 * Customizes the auto-configured {@link SequencedItemMapper} where a property cannot, for example with a
 * topic resolver or Jackson mapper of its own. Customizer beans are applied in their
 * {@link org.springframework.core.annotation.Order order}, after the properties.
 */
@FunctionalInterface
public interface SequencedItemMapperCustomizer {

    /** Customizes the builder of the mapper. */
    void customize(SequencedItemMapper.Builder builder);
}
