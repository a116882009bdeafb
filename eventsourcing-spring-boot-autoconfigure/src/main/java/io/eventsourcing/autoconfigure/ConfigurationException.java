package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.InvalidSettingException;
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
     * The exception for a setting that the library rejected: the property is the setting's name in kebab
     * case under the prefix, so {@code sequenceIdColumn} under {@code eventsourcing.jdbc} is
     * {@code eventsourcing.jdbc.sequence-id-column}.
     */
    static ConfigurationException ofSetting(String prefix, InvalidSettingException rejection) {
        String property = prefix + "." + rejection.getSetting().replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        return new ConfigurationException(property, String.valueOf(rejection.getMessage()), rejection);
    }

    /** The full name of the property whose value was rejected. */
    public String getProperty() {
        return property;
    }
}
