package io.eventsourcing.infrastructure;

/**
 * Thrown when a setting of the library (a table name, an event attribute, a key) is rejected. It names
 * the setting, so that a framework can report the configuration property it came from; its message
 * never holds the value of a secret.
 */
public class InvalidSettingException extends IllegalArgumentException {

    private final String setting;

    /**
     * @param setting the name of the setting, as the parameter or record component that takes it
     * @param reason why the value was rejected, starting with the setting's name
     */
    public InvalidSettingException(String setting, String reason) {
        super(reason);
        this.setting = setting;
    }

    /** The name of the rejected setting, such as {@code sequenceIdColumn}. */
    public String getSetting() {
        return setting;
    }
}
