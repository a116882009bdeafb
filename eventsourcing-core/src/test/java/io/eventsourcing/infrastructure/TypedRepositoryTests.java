package io.eventsourcing.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code EventSourcedRepository<T>} saves only {@code T}: the compiler refuses an entity of another type. */
class TypedRepositoryTests {

    private static final String ENTITIES = """
            import io.eventsourcing.domain.AggregateRoot;
            import io.eventsourcing.domain.VersionedEvent;
            import io.eventsourcing.infrastructure.EventSourcedRepository;
            import java.time.Instant;
            import java.util.UUID;

            class Saving {
                record Opened(UUID originatorId, long originatorVersion, Instant timestamp) implements VersionedEvent {
                }

                static class BankAccount extends AggregateRoot {
                    BankAccount(Opened opened) {
                        super(opened);
                    }

                    static BankAccount open() {
                        return create(Opened::new, BankAccount::new);
                    }
                }

                static class Todo extends AggregateRoot {
                    Todo(Opened opened) {
                        super(opened);
                    }
                }

                static void save(EventSourcedRepository<Todo> todos, EventSourcedRepository<BankAccount> accounts) {
                    %s
                }
            }
            """;

    @TempDir
    private Path output;

    @Test
    void aRepositorySavesItsOwnEntityType() {
        assertThat(compile("accounts.save(BankAccount.open());")).isEmpty();
    }

    @Test
    void aRepositoryRefusesAnEntityOfAnotherTypeAtCompileTime() {
        assertThat(compile("todos.save(BankAccount.open());"))
                .contains("Saving.java:")
                .contains("incompatible types: BankAccount cannot be converted to Todo");
    }

    /** Compiles the class with the statement against the library; the compiler's errors, or nothing. */
    private String compile(String statement) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///Saving.java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return ENTITIES.formatted(statement);
            }
        };
        StringWriter errors = new StringWriter();
        compiler.getTask(errors, null, null, List.of("-classpath", System.getProperty("java.class.path"),
                "-d", output.toString(), "-proc:none"), null, List.of(source)).call();
        return errors.toString();
    }
}
