package io.eventsourcing.infrastructure.codec;

import com.fasterxml.jackson.annotation.JacksonInject;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.infrastructure.EventSequencing;
import java.time.Instant;
import java.util.Set;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.cfg.MapperConfig;
import tools.jackson.databind.introspect.Annotated;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedParameter;
import tools.jackson.databind.introspect.NopAnnotationIntrospector;
import tools.jackson.databind.module.SimpleModule;

/**
 * Tells Jackson how events are stored: the attributes that the item's columns hold (the sequencing's sequence id
 * and position) are left out when an event is written and injected when it is read, whatever the JSON holds (rows
 * of the first release held them too); the event's {@code timestamp} is written as microseconds since the epoch,
 * and read from that or from the ISO-8601 text of the first release. Applies to {@link DomainEvent} classes only;
 * their members are matched by name, record components included.
 */
final class SequencingIntrospector extends NopAnnotationIntrospector {

    private static final String TIMESTAMP = "timestamp";

    private final Set<String> columnAttributes;

    SequencingIntrospector(EventSequencing sequencing) {
        this.columnAttributes = Set.of(sequencing.sequenceIdAttribute(), sequencing.positionAttribute());
    }

    /** A module that puts this introspector ahead of the mapper's own. */
    JacksonModule module() {
        return new SimpleModule("eventsourcing-sequencing") {
            @Override
            public void setupModule(SetupContext context) {
                super.setupModule(context);
                context.insertAnnotationIntrospector(SequencingIntrospector.this);
            }
        };
    }

    @Override
    public JsonProperty.Access findPropertyAccess(MapperConfig<?> config, Annotated annotated) {
        return isColumnAttribute(annotated) ? JsonProperty.Access.WRITE_ONLY : null;
    }

    @Override
    public JacksonInject.Value findInjectableValue(MapperConfig<?> config, AnnotatedMember member) {
        return isColumnAttribute(member) ? JacksonInject.Value.construct(nameOf(member), Boolean.FALSE, null) : null;
    }

    @Override
    public Object findSerializer(MapperConfig<?> config, Annotated annotated) {
        return isTimestamp(annotated) ? new MicrosecondTimestamps.Serializer() : null;
    }

    @Override
    public Object findDeserializer(MapperConfig<?> config, Annotated annotated) {
        return isTimestamp(annotated) ? new MicrosecondTimestamps.Deserializer() : null;
    }

    private boolean isColumnAttribute(Annotated annotated) {
        return annotated instanceof AnnotatedMember member && isOfAnEvent(member)
                && !EventSequencing.isPlacedByStore(member.getDeclaringClass())
                && columnAttributes.contains(nameOf(member));
    }

    private static boolean isTimestamp(Annotated annotated) {
        return annotated instanceof AnnotatedMember member && isOfAnEvent(member)
                && annotated.getRawType() == Instant.class && TIMESTAMP.equals(nameOf(member));
    }

    private static boolean isOfAnEvent(AnnotatedMember member) {
        return DomainEvent.class.isAssignableFrom(member.getDeclaringClass());
    }

    /** The attribute a member stands for: a field's or method's name, a record constructor parameter's component. */
    private static String nameOf(AnnotatedMember member) {
        if (member instanceof AnnotatedParameter parameter) {
            Class<?> owner = parameter.getDeclaringClass();
            return owner.isRecord() && parameter.getIndex() < owner.getRecordComponents().length
                    ? owner.getRecordComponents()[parameter.getIndex()].getName() : "";
        }
        return member.getName();
    }
}
