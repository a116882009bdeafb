package io.eventsourcing.autoconfigure;

import io.eventsourcing.infrastructure.StoreException;
import io.eventsourcing.infrastructure.codec.DecryptionException;
import io.eventsourcing.infrastructure.shredding.SubjectKeys;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Refuses to start an application whose master key does not unwrap the data subjects' stored keys: it could read no
 * personal data, and would wrap new keys under a key that the others cannot read. Runs once the schema is
 * initialized; keys that cannot be read yet are left to fail at their first use.
 */
final class MasterKeyCheck implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyCheck.class);

    private final SubjectKeys keys;

    MasterKeyCheck(SubjectKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public void afterPropertiesSet() {
        try {
            keys.requireMasterUnwraps();
        } catch (StoreException e) {
            log.debug("Could not check the master key at startup: {}", e.getMessage());
        } catch (DecryptionException e) {
            throw new ConfigurationException("eventsourcing.cipher.key", String.valueOf(e.getMessage())
                    + ": set the key that wrapped them, or list it in eventsourcing.cipher.previous-keys", null);
        }
    }
}
