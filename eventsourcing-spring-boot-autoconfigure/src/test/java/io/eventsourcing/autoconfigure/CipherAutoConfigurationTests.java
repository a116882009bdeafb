package io.eventsourcing.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.autoconfigure.sample.Counter;
import io.eventsourcing.autoconfigure.sample.SampleDomainConfiguration;
import io.eventsourcing.infrastructure.codec.AESCipher;
import io.eventsourcing.infrastructure.codec.Cipher;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

class CipherAutoConfigurationTests {

    /** A 32-byte AES key: "0123456789abcdef0123456789abcdef". */
    private static final String KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";

    private static final String SECRET = "Sesame-4711-do-not-store";

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
                    EventSourcingAutoConfiguration.class))
            .withUserConfiguration(SampleDomainConfiguration.class);

    @Test
    void noCipherWithoutAKey() {
        contextRunner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(Cipher.class));
    }

    @Test
    void storesEncryptedEventDataWithAKey() {
        contextRunner.withPropertyValues("eventsourcing.cipher.key=" + KEY).run(context -> {
            assertThat(context).hasSingleBean(AESCipher.class);

            Counter counter = RepositoryBeans.save(context, Counter.create(SECRET));

            assertThat(StoredRows.data(context.getBean(DataSource.class), "sequenced_items"))
                    .singleElement().asString().doesNotContain(SECRET).doesNotContain("originatorId");
            assertThat(RepositoryBeans.of(context, Counter.class).get(counter.getId()).getName()).isEqualTo(SECRET);
        });
    }

    @Test
    void encryptsOnlyAnnotatedEventClassesWhenNotAlwaysEncrypting() {
        contextRunner.withPropertyValues("eventsourcing.cipher.key=" + KEY, "eventsourcing.cipher.always-encrypt=false")
                .run(context -> {
                    RepositoryBeans.save(context, Counter.create(SECRET));

                    assertThat(StoredRows.data(context.getBean(DataSource.class), "sequenced_items"))
                            .singleElement().asString().contains(SECRET);
                });
    }

    @Test
    void aStoreOfEncryptedEventsOpenedWithoutTheKeyFailsStartupNamingTheProperty() {
        ApplicationContextRunner shared = contextRunner.withPropertyValues(
                "spring.datasource.url=jdbc:h2:mem:encrypted-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        shared.withPropertyValues("eventsourcing.cipher.key=" + KEY).run(context -> {
            Counter counter = RepositoryBeans.save(context, Counter.create(SECRET));

            shared.run(withoutKey -> {
                assertThat(withoutKey).hasFailed();
                assertThat(stackTraceOf(withoutKey.getStartupFailure()))
                        .contains("Invalid property eventsourcing.cipher.key: is not set, but the store's events are"
                                + " encrypted (the newest, sequence " + counter.getId() + " at position 0, is)");
            });
        });
    }

    @Test
    void malformedKeyFailsStartupNamingThePropertyWithoutTheKey() {
        String malformedKey = "Sesame-open-up-please!";
        contextRunner.withPropertyValues("eventsourcing.cipher.key=" + malformedKey).run(context -> {
            assertThat(context).hasFailed();
            assertThat(stackTraceOf(context.getStartupFailure()))
                    .contains("Invalid property eventsourcing.cipher.key: the current key is not valid base64")
                    .doesNotContain(malformedKey);
        });
    }

    @Test
    void keyOfTheWrongLengthFailsStartupNamingTheProperty() {
        contextRunner.withPropertyValues("eventsourcing.cipher.key=c2hvcnQ=").run(context ->
                assertThat(context).hasFailed().getFailure().hasMessageContaining("Invalid property "
                        + "eventsourcing.cipher.key: the current key must have 16, 24 or 32 bytes"));
    }

    @Test
    void malformedPreviousKeyFailsStartupNamingTheProperty() {
        String malformedKey = "Sesame-the-old-one!";
        contextRunner.withPropertyValues("eventsourcing.cipher.key=" + KEY,
                "eventsourcing.cipher.previous-keys=" + KEY + "," + malformedKey).run(context -> {
            assertThat(context).hasFailed();
            assertThat(stackTraceOf(context.getStartupFailure()))
                    .contains("Invalid property eventsourcing.cipher.previous-keys: previous key #2 is not valid")
                    .doesNotContain(malformedKey);
        });
    }

    @Test
    void backsOffForTheApplicationsCipher() {
        contextRunner.withPropertyValues("eventsourcing.cipher.key=" + KEY)
                .withUserConfiguration(ApplicationCipherConfiguration.class).run(context -> {
                    assertThat(context).hasSingleBean(Cipher.class).doesNotHaveBean(AESCipher.class);

                    RepositoryBeans.save(context, Counter.create(SECRET));

                    assertThat(StoredRows.data(context.getBean(DataSource.class), "sequenced_items"))
                            .singleElement().asString().startsWith("\u0001reversed:");
                });
    }

    private static String stackTraceOf(Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    @Configuration(proxyBeanMethods = false)
    static class ApplicationCipherConfiguration {

        @Bean
        Cipher reversingCipher() {
            return new Cipher() {
                @Override
                public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
                    return ("reversed:" + new StringBuilder(new String(plaintext, StandardCharsets.UTF_8)).reverse())
                            .getBytes(StandardCharsets.UTF_8);
                }

                @Override
                public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
                    return new StringBuilder(new String(ciphertext, StandardCharsets.UTF_8).substring("reversed:".length()))
                            .reverse().toString().getBytes(StandardCharsets.UTF_8);
                }
            };
        }
    }
}
