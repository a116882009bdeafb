package io.eventsourcing.infrastructure.codec;

import io.eventsourcing.infrastructure.EventSequencing;
import java.util.UUID;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.InjectableValues;

/** The sequence id and position of one stored item, injected into the attributes of its event that hold them. */
final class ColumnValues extends InjectableValues {

    private final EventSequencing sequencing;
    private final UUID sequenceId;
    private final Object position;

    ColumnValues(EventSequencing sequencing, UUID sequenceId, Object position) {
        this.sequencing = sequencing;
        this.sequenceId = sequenceId;
        this.position = position;
    }

    @Override
    public Object findInjectableValue(DeserializationContext context, Object valueId, BeanProperty forProperty,
                                      Object beanInstance, Boolean optional, Boolean useInput) {
        if (sequencing.sequenceIdAttribute().equals(valueId)) {
            return sequenceId;
        }
        if (sequencing.positionAttribute().equals(valueId)) {
            return position;
        }
        return context.reportBadDefinition(forProperty == null ? Object.class : forProperty.getType().getRawClass(),
                "No column holds the attribute '" + valueId + "'");
    }

    @Override
    public InjectableValues snapshot() {
        return this;
    }
}
