package io.eventsourcing.domain;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The types whose values {@link TimestampedVersionedEntity#changeAttribute(String, Object)} stores and
 * reads back as they were: primitives, strings, numbers, booleans, UUIDs, URIs, locales, currencies, the
 * {@code java.time} types, enums, records, and arrays and standard collections of these. Other classes
 * would need their own serialisation, and a stored type name must never make the store build an arbitrary
 * class, so they are refused.
 */
public final class AttributeValueTypes {

    private static final Set<Class<?>> VALUE_CLASSES = Set.of(Object.class, String.class, Boolean.class,
            Character.class, Byte.class, Short.class, Integer.class, Long.class, Float.class, Double.class,
            BigDecimal.class, BigInteger.class, UUID.class, URI.class, Locale.class, Currency.class, Optional.class,
            Collection.class, List.class, ArrayList.class, Set.class, HashSet.class, LinkedHashSet.class,
            SortedSet.class, NavigableSet.class, TreeSet.class, Map.class, HashMap.class, LinkedHashMap.class,
            SortedMap.class, NavigableMap.class, TreeMap.class);

    private AttributeValueTypes() {
    }

    /** Whether values of the class are stored faithfully. */
    public static boolean isStorable(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element.isPrimitive() || element.isEnum() || element.isRecord() || VALUE_CLASSES.contains(element)
                || "java.time".equals(element.getPackageName());
    }

    /**
     * Refuses a declared type that is not storable, or holds a type that is not (such as the elements of a
     * list), or a type variable or wildcard, whose values have no fixed type.
     *
     * @throws IllegalArgumentException naming the type
     */
    public static void requireStorable(Type type) {
        Type refused = unstorablePart(type);
        if (refused != null) {
            throw new IllegalArgumentException(type.getTypeName() + " is not a type whose values changeAttribute "
                    + "stores" + (refused == type ? "" : " (" + refused.getTypeName() + " is not)") + ": use JDK value "
                    + "types, enums, records, or arrays and collections of these, or an event of your own");
        }
    }

    private static Type unstorablePart(Type type) {
        if (type instanceof Class<?> raw) {
            return isStorable(raw) ? null : raw;
        }
        if (type instanceof ParameterizedType parameterized) {
            Type refused = unstorablePart(parameterized.getRawType());
            for (Type argument : parameterized.getActualTypeArguments()) {
                refused = refused != null ? refused : unstorablePart(argument);
            }
            return refused;
        }
        if (type instanceof GenericArrayType array) {
            return unstorablePart(array.getGenericComponentType());
        }
        return type;
    }
}
