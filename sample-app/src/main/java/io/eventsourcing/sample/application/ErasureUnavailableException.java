package io.eventsourcing.sample.application;

/**
 * Thrown when personal data is to be erased, and this application cannot erase it: crypto-shredding is off
 * ({@code eventsourcing.crypto-shredding.enabled}), so the data is not stored under keys that can be destroyed.
 * Nothing was changed.
 */
public class ErasureUnavailableException extends RuntimeException {

    public ErasureUnavailableException() {
        super("Personal data cannot be erased: crypto-shredding is off");
    }
}
