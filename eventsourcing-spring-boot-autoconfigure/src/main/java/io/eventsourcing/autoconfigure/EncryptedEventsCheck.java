package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.ActiveRecordStrategy;
import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.StoredItem;
import io.eventsourcing.infrastructure.codec.EventCodec;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Refuses to start an application without a cipher on a store whose newest event is encrypted: it could read none
 * of the encrypted events, and would write plaintext beside them. Runs once the schema is initialized; a store
 * that cannot be read yet (its table is the application's to create) is left to fail at its first use.
 */
final class EncryptedEventsCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EncryptedEventsCheck.class);

    private final ActiveRecordStrategy store;

    EncryptedEventsCheck(ActiveRecordStrategy store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void afterPropertiesSet() {
        Optional<StoredItem> last;
        try {
            last = store.getLastStoredItem();
        } catch (StoreException e) {
            log.debug("Could not look for encrypted events at startup: {}", e.getMessage());
            return;
        }
        last.filter(stored -> EventCodec.isEncrypted(stored.item().data())).ifPresent(stored -> {
            throw new ConfigurationException("eventsourcing.cipher.key", "is not set, but the store's events are"
                    + " encrypted (the newest, " + stored.item().describe() + ", is): set the key, or none of them"
                    + " can be read", null);
        });
    }
}
