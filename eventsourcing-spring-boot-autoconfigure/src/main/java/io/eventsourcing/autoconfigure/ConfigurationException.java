package io.eventsourcing.autoconfigure;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Thrown at startup when the library rejects the value of one of its properties, which the message names. */
public class ConfigurationException extends IllegalStateException {

    private final String property;

    /**
     * @param property the full name of the property, such as {@code eventsourcing.jdbc.table}
     * @param reason why the value was rejected; never the value of a secret
     * @param cause the rejection, or {@code null} when it could reveal a secret
     */
    public ConfigurationException(String property, String reason, @Nullable Throwable cause) {
        super("Invalid property " + property + ": " + reason, cause);
        this.property = property;
    }

    /**
     * The exception for a value that a record of the library rejected in its constructor, whose message
     * starts with the name of the record component at fault, as in {@code "sequenceIdColumn must be ..."}.
     * The property is that name in kebab case under the prefix, so {@code eventsourcing.jdbc.sequence-id-column}.
     */
    static ConfigurationException ofComponent(String prefix, IllegalArgumentException rejection) {
        String reason = String.valueOf(rejection.getMessage());
        String component = reason.split(" ", 2)[0];
        String property = prefix + "." + component.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        return new ConfigurationException(property, reason, rejection);
    }

    /** The full name of the property whose value was rejected. */
    public String getProperty() {
        return property;
    }
}
