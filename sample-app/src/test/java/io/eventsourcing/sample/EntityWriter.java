package io.eventsourcing.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.eventsourcing.sample.Write.Kind;
import io.eventsourcing.sample.web.AggregateResponse;
import io.eventsourcing.sample.web.ExampleResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * One of the crash test's concurrent writers. It writes only to entities it created itself, one request at a time,
 * so no other writer contends with it: it creates examples and changes their foo, each time to a foo of its own,
 * and creates aggregates and 2 to 5 entities in them at once. It writes until a request gets no answer, the
 * application having been killed, and returns its log. Its name, unique in a test, prefixes its foos.
 */
final class EntityWriter implements Callable<WriterLog> {

    private final SampleAppClient app;
    private final String name;
    private final Random random = new Random();
    private final Map<Kind, Write> current = new EnumMap<>(Kind.class);
    private int foos;

    EntityWriter(SampleAppClient app, String name) {
        this.app = app;
        this.name = name;
    }

    @Override
    public WriterLog call() {
        List<Write> acknowledged = new ArrayList<>();
        while (true) {
            Write next = next();
            Write done;
            try {
                done = send(next);
            } catch (SampleAppClient.NoAnswerException e) {
                return new WriterLog(acknowledged, next);
            }
            acknowledged.add(done);
            current.put(done.kind(), done);
        }
    }

    /** An example or an aggregate write, at random: to the current entity of that kind, or now and then a create. */
    private Write next() {
        Kind kind = random.nextBoolean() ? Kind.EXAMPLE : Kind.AGGREGATE;
        String foo = kind == Kind.EXAMPLE ? name + "-" + ++foos : null;
        Write last = current.get(kind);
        if (last == null || random.nextInt(5) == 0) {
            return new Write(kind, null, 1, foo);
        }
        int events = kind == Kind.EXAMPLE ? 1 : 2 + random.nextInt(4);
        return new Write(kind, last.entityId(), last.version() + events, foo);
    }

    /** Sends the write, checks the answer is the write done, and returns it with the entity's id. */
    private Write send(Write write) {
        Write last = current.get(write.kind());
        if (write.kind() == Kind.EXAMPLE) {
            ExampleResponse answer = write.entityId() == null ? app.createExample(write.foo())
                    : app.changeExample(write.entityId(), write.foo(), last.version());
            Write done = write.of(answer.id());
            assertThat(answer).isEqualTo(new ExampleResponse(done.entityId(), done.version(), done.foo()));
            return done;
        }
        AggregateResponse answer = write.entityId() == null ? app.createAggregate()
                : app.createEntities(write.entityId(), (int) (write.version() - last.version()));
        Write done = write.of(answer.id());
        assertThat(answer).isEqualTo(new AggregateResponse(done.entityId(), done.version(), (int) done.version() - 1));
        return done;
    }
}
