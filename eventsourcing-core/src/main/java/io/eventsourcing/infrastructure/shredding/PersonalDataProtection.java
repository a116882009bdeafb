package io.eventsourcing.infrastructure.shredding;

import io.eventsourcing.domain.DomainEvent;
import io.eventsourcing.domain.PersonalData;
import io.eventsourcing.domain.TaggedEvent;
import io.eventsourcing.infrastructure.codec.Cipher;
import io.eventsourcing.infrastructure.codec.DecryptionException;
import io.eventsourcing.infrastructure.codec.EventCodec;
import io.eventsourcing.infrastructure.snapshot.Snapshot;
import io.eventsourcing.infrastructure.upcasting.JsonTrees;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * The stage of an {@link EventCodec} that encrypts personal data ({@link PersonalData}) under its data subject's key:
 * the JSON attributes marked personal move out of the event's JSON into a ciphertext under the key of the item's
 * sequence id, bound to the item's place; the rest stays as it was. A snapshot is encrypted whole under its entity's
 * key when the entity is a data subject. Events without personal data pass through untouched.
 * <p>
 * Stored form: the byte {@value #PERSONAL}, the length of the remaining JSON as 4 bytes, that JSON, then the
 * ciphertext. Once the subject is forgotten, the stored JSON reads back alone, marked erased. Thread-safe.
 */
public final class PersonalDataProtection {

    /** The byte that marks data holding encrypted personal data. */
    public static final byte PERSONAL = 4;

    private static final String TIMESTAMP = "timestamp";
    private static final ClassValue<PersonalAttributes> ATTRIBUTES = new ClassValue<>() {
        @Override
        protected PersonalAttributes computeValue(Class<?> type) {
            return PersonalAttributes.of(type);
        }
    };

    private final SubjectKeys keys;

    public PersonalDataProtection(SubjectKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** Data read back: whole, or without its personal attributes once they were erased. */
    public record Revealed(byte[] data, boolean erased) {
    }

    /**
     * The data of an event with its personal attributes encrypted, or the data itself if it has none.
     *
     * @throws DataSubjectForgottenException if the event's subject was forgotten
     * @throws IllegalArgumentException if a tagged event has personal data, or the data is not a JSON object
     */
    public byte[] protect(DomainEvent event, UUID sequenceId, long position, byte[] data) {
        PersonalAttributes attributes = ATTRIBUTES.get(event.getClass());
        Cipher cipher;
        if (event instanceof Snapshot) {
            Optional<Cipher> entityKey = keys.ifSubject(sequenceId);
            if (entityKey.isEmpty()) {
                return data;
            }
            cipher = entityKey.get();
            attributes = PersonalAttributes.WHOLE;
        } else if (attributes.isEmpty()) {
            return data;
        } else if (event instanceof TaggedEvent) {
            throw new IllegalArgumentException(event.getClass().getName() + " is a tagged event with personal data,"
                    + " which belongs to no data subject's sequence: keep personal data in an entity's events");
        } else {
            cipher = keys.forWriting(sequenceId, position == 0);
        }
        ObjectNode json = JsonTrees.read(data);
        ObjectNode personal = json.objectNode();
        for (String name : attributes.whole() ? Set.copyOf(json.propertyNames()) : attributes.names()) {
            if (!(attributes.whole() && name.equals(TIMESTAMP)) && json.has(name)) {
                personal.set(name, json.remove(name));
            }
        }
        byte[] plain = JsonTrees.write(json);
        byte[] ciphertext = cipher.encrypt(JsonTrees.write(personal), EventCodec.associatedData(sequenceId, position));
        return ByteBuffer.allocate(1 + 4 + plain.length + ciphertext.length).put(PERSONAL).putInt(plain.length)
                .put(plain).put(ciphertext).array();
    }

    /**
     * The data of a stored event, its personal attributes decrypted, or left out if its subject was forgotten.
     *
     * @throws DecryptionException if the personal data cannot be decrypted, or the subject's key was lost
     */
    public Revealed reveal(UUID sequenceId, long position, byte[] data) {
        ByteBuffer in = ByteBuffer.wrap(data);
        int plainLength = in.remaining() >= 5 && in.get() == PERSONAL ? in.getInt() : -1;
        if (plainLength < 0 || plainLength > in.remaining()) {
            throw new DecryptionException("The personal data is truncated or not in this library's format");
        }
        byte[] plain = Arrays.copyOfRange(data, 5, 5 + plainLength);
        Optional<Cipher> cipher = keys.forReading(sequenceId);
        if (cipher.isEmpty()) {
            return new Revealed(plain, true);
        }
        byte[] personal = cipher.get().decrypt(data, 5 + plainLength, EventCodec.associatedData(sequenceId, position));
        return new Revealed(joined(plain, personal), false);
    }

    /**
     * One JSON object of the members of two, as {@link #protect} wrote them (compact, no member in both): the first
     * without its closing brace, a comma, the second without its opening one. Not parsed again.
     */
    private static byte[] joined(byte[] first, byte[] second) {
        if (first.length <= 2) {
            return second;
        }
        if (second.length <= 2) {
            return first;
        }
        byte[] joined = Arrays.copyOf(first, first.length + second.length - 1);
        joined[first.length - 1] = ',';
        System.arraycopy(second, 1, joined, first.length, second.length - 1);
        return joined;
    }

    /** Whether stored data, as the codec's stages before this one leave it, holds personal data. */
    public static boolean isProtected(byte[] data) {
        return data.length > 0 && data[0] == PERSONAL;
    }

    /** The attributes of an event class that are personal: all of them but its timestamp, or those named. */
    private record PersonalAttributes(boolean whole, Set<String> names) {

        static final PersonalAttributes WHOLE = new PersonalAttributes(true, Set.of());

        static PersonalAttributes of(Class<?> type) {
            if (type.isAnnotationPresent(PersonalData.class)) {
                return WHOLE;
            }
            Set<String> names = new LinkedHashSet<>();
            if (type.isRecord()) {
                for (RecordComponent component : type.getRecordComponents()) {
                    if (component.isAnnotationPresent(PersonalData.class)) {
                        names.add(component.getName());
                    }
                }
            }
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && field.isAnnotationPresent(PersonalData.class)) {
                        names.add(field.getName());
                    }
                }
            }
            return new PersonalAttributes(false, Set.copyOf(names));
        }

        boolean isEmpty() {
            return !whole && names.isEmpty();
        }
    }
}
