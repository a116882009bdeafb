package io.eventsourcing.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/** Configuration of the event sourcing library, under the prefix {@code eventsourcing}. */
@ConfigurationProperties("eventsourcing")
public class EventSourcingProperties {

    /** Whether to auto-configure the event store, the persistence policy and the repositories. */
    private boolean enabled = true;

    /**
     * Which store holds the events: "jdbc" (the application's DataSource), "cassandra" (its CqlSession), or
     * "auto": Cassandra when the eventsourcing-cassandra module and a CqlSession bean are present, else the
     * DataSource.
     */
    private Store store = Store.AUTO;

    /** How to compress stored event data (and snapshots) before it is encrypted. */
    private Compression compression = Compression.NONE;

    /** Largest event data, as JSON, that an append accepts; a larger event is refused and nothing is stored. */
    private DataSize maxEventSize = DataSize.ofMegabytes(1);

    private final Jdbc jdbc = new Jdbc();

    private final Cassandra cassandra = new Cassandra();

    private final Sequencing sequencing = new Sequencing();

    private final Cipher cipher = new Cipher();

    private final Snapshots snapshots = new Snapshots();

    private final Projections projections = new Projections();

    private final Dcb dcb = new Dcb();

    private final CryptoShredding cryptoShredding = new CryptoShredding();

    private final Browser browser = new Browser();

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Store getStore() {
        return store;
    }

    public void setStore(Store store) {
        this.store = store;
    }

    public Compression getCompression() {
        return compression;
    }

    public void setCompression(Compression compression) {
        this.compression = compression;
    }

    public DataSize getMaxEventSize() {
        return maxEventSize;
    }

    public void setMaxEventSize(DataSize maxEventSize) {
        this.maxEventSize = maxEventSize;
    }

    public Jdbc getJdbc() {
        return jdbc;
    }

    public Cassandra getCassandra() {
        return cassandra;
    }

    public Sequencing getSequencing() {
        return sequencing;
    }

    public Cipher getCipher() {
        return cipher;
    }

    public Snapshots getSnapshots() {
        return snapshots;
    }

    public Projections getProjections() {
        return projections;
    }

    public Dcb getDcb() {
        return dcb;
    }

    public CryptoShredding getCryptoShredding() {
        return cryptoShredding;
    }

    public Browser getBrowser() {
        return browser;
    }

    /** The table of stored events; names are plain lower-case identifiers. */
    public static class Jdbc {

        /** Name of the table that holds the stored events. */
        private String table = "sequenced_items";

        /** Column of the sequence id: the id of the entity or aggregate. */
        private String sequenceIdColumn = "sequence_id";

        /** Column of the event's position in its sequence. */
        private String positionColumn = "position";

        /** Column of the topic: the stable name of the event's type. */
        private String topicColumn = "topic";

        /** Column of the event's data: bytes of JSON, or of its compressed or encrypted form. */
        private String dataColumn = "data";

        /**
         * Whether to create and upgrade the table at startup with the library's Flyway migrations, whose
         * history table is named after the table, with the suffix "_schema_history".
         */
        private boolean initializeSchema = true;

        public String getTable() {
            return table;
        }

        public void setTable(String table) {
            this.table = table;
        }

        public String getSequenceIdColumn() {
            return sequenceIdColumn;
        }

        public void setSequenceIdColumn(String sequenceIdColumn) {
            this.sequenceIdColumn = sequenceIdColumn;
        }

        public String getPositionColumn() {
            return positionColumn;
        }

        public void setPositionColumn(String positionColumn) {
            this.positionColumn = positionColumn;
        }

        public String getTopicColumn() {
            return topicColumn;
        }

        public void setTopicColumn(String topicColumn) {
            this.topicColumn = topicColumn;
        }

        public String getDataColumn() {
            return dataColumn;
        }

        public void setDataColumn(String dataColumn) {
            this.dataColumn = dataColumn;
        }

        public boolean isInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
        }
    }

    /** The compressions of stored event data. */
    public enum Compression {

        /** None: events of a few hundred bytes gain little from compression. */
        NONE,

        /** zlib, from the JDK, at its fastest level. */
        ZLIB,

        /** zstd at level 1: smaller and faster than zlib; needs com.github.luben:zstd-jni on the class path. */
        ZSTD
    }

    /** The stores that can hold the events. */
    public enum Store {

        /** Cassandra when the eventsourcing-cassandra module and a CqlSession bean are present, else JDBC. */
        AUTO,

        /** The application's single DataSource. */
        JDBC,

        /** Apache Cassandra, through the application's CqlSession. */
        CASSANDRA
    }

    /**
     * The event store on Apache Cassandra. Contact points, data centre, keyspace and consistency levels are
     * Spring Boot's spring.cassandra.* properties.
     */
    public static class Cassandra {

        /** Keyspace of the event store's tables; spring.cassandra.keyspace-name when not set. */
        private @Nullable String keyspace;

        /**
         * Base name of the four tables of stored events: the table itself, and those with the suffixes
         * "_buckets", "_log" and "_log_buckets". The snapshots' tables are named after eventsourcing.snapshots.table.
         */
        private String table = "sequenced_items";

        /** Whether to create the tables at startup, if they do not exist. */
        private boolean initializeSchema = true;

        /** Whether to create the keyspace at startup, if it does not exist, with the replication below. */
        private boolean createKeyspace;

        /** Replication factor of a keyspace created with SimpleStrategy. */
        private int replicationFactor = 1;

        /**
         * Replication factor per data centre of a keyspace created with NetworkTopologyStrategy; when set, it
         * replaces replication-factor.
         */
        private Map<String, Integer> replication = new LinkedHashMap<>();

        /**
         * Whether to pin the driver to native protocol V4: driver 4.19 misreads protocol V5's reply to a
         * lightweight transaction that timed out, and closes the connection with every request in flight on it.
         */
        private boolean useProtocolV4 = true;

        /**
         * Settle time of the notification log: it returns an event once it is this much older than the reader's
         * clock, so a reader at the head of the log gets events this late, and an append must store its events
         * within half of it. Every instance that reads or writes the events should use the same value, and their
         * clocks must differ by less than half of it.
         */
        private Duration settleTime = Duration.ofSeconds(10);

        public @Nullable String getKeyspace() {
            return keyspace;
        }

        public void setKeyspace(@Nullable String keyspace) {
            this.keyspace = keyspace;
        }

        public String getTable() {
            return table;
        }

        public void setTable(String table) {
            this.table = table;
        }

        public boolean isInitializeSchema() {
            return initializeSchema;
        }

        public void setInitializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
        }

        public boolean isCreateKeyspace() {
            return createKeyspace;
        }

        public void setCreateKeyspace(boolean createKeyspace) {
            this.createKeyspace = createKeyspace;
        }

        public int getReplicationFactor() {
            return replicationFactor;
        }

        public void setReplicationFactor(int replicationFactor) {
            this.replicationFactor = replicationFactor;
        }

        public Map<String, Integer> getReplication() {
            return replication;
        }

        public void setReplication(Map<String, Integer> replication) {
            this.replication = replication;
        }

        public boolean isUseProtocolV4() {
            return useProtocolV4;
        }

        public void setUseProtocolV4(boolean useProtocolV4) {
            this.useProtocolV4 = useProtocolV4;
        }

        public Duration getSettleTime() {
            return settleTime;
        }

        public void setSettleTime(Duration settleTime) {
            this.settleTime = settleTime;
        }
    }

    /**
     * Which attributes of an event (public no-argument methods) give its sequence id and position. The
     * defaults, which entity and aggregate events both have, let one table hold both.
     */
    public static class Sequencing {

        /** Event attribute that holds the sequence id, a UUID. */
        private String sequenceIdAttribute = "originatorId";

        /** Event attribute that holds the position: an integral version, or an Instant for time-sequenced events. */
        private String positionAttribute = "originatorVersion";

        public String getSequenceIdAttribute() {
            return sequenceIdAttribute;
        }

        public void setSequenceIdAttribute(String sequenceIdAttribute) {
            this.sequenceIdAttribute = sequenceIdAttribute;
        }

        public String getPositionAttribute() {
            return positionAttribute;
        }

        public void setPositionAttribute(String positionAttribute) {
            this.positionAttribute = positionAttribute;
        }
    }

    /** Encryption of stored event data with AES-GCM; off unless a key is set. Keys are never printed. */
    public static class Cipher {

        /** Base64 encoding of the AES key (16, 24 or 32 bytes) that encrypts stored event data. */
        private @Nullable String key;

        /** Base64 encodings of earlier keys, still accepted to decrypt data written before the key changed. */
        private List<String> previousKeys = new ArrayList<>();

        /** Whether to encrypt every event, rather than only the event classes annotated @Encrypted. */
        private boolean alwaysEncrypt = true;

        public @Nullable String getKey() {
            return key;
        }

        public void setKey(@Nullable String key) {
            this.key = key;
        }

        public List<String> getPreviousKeys() {
            return previousKeys;
        }

        public void setPreviousKeys(List<String> previousKeys) {
            this.previousKeys = previousKeys;
        }

        public boolean isAlwaysEncrypt() {
            return alwaysEncrypt;
        }

        public void setAlwaysEncrypt(boolean alwaysEncrypt) {
            this.alwaysEncrypt = alwaysEncrypt;
        }
    }

    /** Snapshots of entities, stored as time-sequenced events in a table of their own. */
    public static class Snapshots {

        /** Whether repositories start from snapshots, and can take them. */
        private boolean enabled = true;

        /** Name of the table that holds the snapshots, created like the table of events. */
        private String table = "snapshots";

        /**
         * Take a snapshot of an entity when loading it replayed at least this many events since its newest
         * snapshot; 0 takes none automatically.
         */
        private long period;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getTable() {
            return table;
        }

        public void setTable(String table) {
            this.table = table;
        }

        public long getPeriod() {
            return period;
        }

        public void setPeriod(long period) {
            this.period = period;
        }
    }

    public static class Projections {

        /** Whether to run the context's @Projection beans (JDBC data source needed for their positions). */
        private boolean enabled = true;

        /** Name of the table of the projections' generations and positions. */
        private String table = "projection_positions";

        /** How many events a projection reads and commits at a time. */
        private int pageSize = 100;

        /**
         * How long an instance of the application holds a projection without renewing its lease; another
         * instance takes it over after that.
         */
        private Duration lease = Duration.ofSeconds(15);

        /** Longest pause between two reads of the log when no local save wakes the projections. */
        private Duration maxPollInterval = Duration.ofMillis(100);

        /** Name of this instance of the application among those that share the database; a random one if unset. */
        private @Nullable String instanceId;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getTable() {
            return table;
        }

        public void setTable(String table) {
            this.table = table;
        }

        public int getPageSize() {
            return pageSize;
        }

        public void setPageSize(int pageSize) {
            this.pageSize = pageSize;
        }

        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            this.lease = lease;
        }

        public Duration getMaxPollInterval() {
            return maxPollInterval;
        }

        public void setMaxPollInterval(Duration maxPollInterval) {
            this.maxPollInterval = maxPollInterval;
        }

        public @Nullable String getInstanceId() {
            return instanceId;
        }

        public void setInstanceId(@Nullable String instanceId) {
            this.instanceId = instanceId;
        }
    }

    /**
     * Crypto-shredding: personal data (@PersonalData) encrypted under a key of its data subject, wrapped under the
     * master key (eventsourcing.cipher.key) in the table {@code <table>_data_keys}, and erased by forgetting the subject.
     */
    public static class CryptoShredding {

        /** Whether to encrypt personal data under its subject's key, and offer to forget subjects. */
        private boolean enabled;

        /** How many subjects' unwrapped keys to keep in memory, the least recently used leaving first. */
        private int keyCacheSize = 10_000;

        /**
         * How long a subject's unwrapped key stays in memory at most: how long another instance of the application
         * can still read a subject's personal data after one instance forgot it.
         */
        private Duration keyCacheTtl = Duration.ofMinutes(1);

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getKeyCacheSize() {
            return keyCacheSize;
        }

        public void setKeyCacheSize(int keyCacheSize) {
            this.keyCacheSize = keyCacheSize;
        }

        public Duration getKeyCacheTtl() {
            return keyCacheTtl;
        }

        public void setKeyCacheTtl(Duration keyCacheTtl) {
            this.keyCacheTtl = keyCacheTtl;
        }
    }

    public static class Dcb {

        /**
         * Whether to configure the event store of dynamic consistency boundaries (DcbEventStore) on the events
         * table, with the tables that index its tagged events (JDBC data source needed).
         */
        private boolean enabled = true;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }
    }

    /**
     * The event browser: a read-only web page of the stored events, the notification log and the projections, on a
     * servlet web application. Spring Security, when the application has it, guards its path like any other.
     */
    public static class Browser {

        /** Whether to serve the event browser. */
        private boolean enabled;

        /** Path of the event browser's page; its JSON is served below it, under "/api". */
        private String path = "/eventsourcing";

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getPath() {
            return path;
        }

        public void setPath(String path) {
            this.path = path;
        }
    }
}
