package io.eventsourcing.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.eventsourcing.domain.DomainEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionHandlersTest {

    private static final Instant NOW = Instant.parse("2026-12-03T12:00:00Z");

    interface Audited extends DomainEvent {
    }

    record Opened(String name, Instant timestamp) implements Audited {
    }

    record Closed(String name, Instant timestamp) implements Audited {
    }

    record Unrelated(String name, Instant timestamp) implements DomainEvent {
    }

    /** Package-private, as projections often are, with handlers of every visibility. */
    static class Recorder {

        final List<String> calls = new ArrayList<>();

        @Handler
        void on(Opened event, Generation generation) {
            calls.add("opened " + event.name() + " in " + generation.number());
        }

        @Handler
        private void on(Audited event) {
            calls.add("audited " + event);
        }
    }

    /** What a proxy's class does: overrides a handler without the annotation. */
    static class ProxiedRecorder extends Recorder {

        @Override
        void on(Opened event, Generation generation) {
            calls.add("proxy");
            super.on(event, generation);
        }
    }

    @Test
    void anEventGoesToTheHandlerOfItsMostSpecificTypeOrToNone() {
        Recorder recorder = new Recorder();
        ProjectionHandlers handlers = ProjectionHandlers.of(recorder, "recorder");

        handlers.handle(new Opened("a", NOW), new Generation(2), new Notification(1, false));
        handlers.handle(new Closed("b", NOW), new Generation(2), new Notification(1, false));
        handlers.handle(new Unrelated("c", NOW), new Generation(2), new Notification(1, false));

        assertThat(recorder.calls).containsExactly("opened a in 2", "audited Closed[name=b, timestamp=" + NOW + "]");
        assertThat(handlers.handles(new Unrelated("c", NOW))).isFalse();
    }

    @Test
    void aProxysOverridingMethodStaysTheHandler() {
        ProxiedRecorder recorder = new ProxiedRecorder();

        ProjectionHandlers.of(recorder, "recorder").handle(new Opened("a", NOW), new Generation(1),
                new Notification(1, false));

        assertThat(recorder.calls).containsExactly("proxy", "opened a in 1");
    }

    @Test
    void aHandlerMayTakeTheNotificationAndTheGenerationInEitherOrder() {
        List<String> calls = new ArrayList<>();
        Object projection = new Object() {
            @Handler
            void on(Opened event, Notification notification, Generation generation) {
                calls.add(event.name() + " at " + notification.logPosition() + (notification.erased() ? ", erased" : "")
                        + " in " + generation.number());
            }
        };

        ProjectionHandlers.of(projection, "notified").handle(new Opened("a", NOW), new Generation(3),
                new Notification(42, true));

        assertThat(calls).containsExactly("a at 42, erased in 3");
    }

    @Test
    void aHandlerThatThrowsIsNamedWithWhatItThrew() {
        Object failing = new Object() {
            @Handler
            void on(Opened event) {
                throw new IllegalStateException("no room for " + event.name());
            }
        };

        assertThatThrownBy(() -> ProjectionHandlers.of(failing, "failing").handle(new Opened("a", NOW),
                new Generation(1), new Notification(1, false)))
                .isInstanceOf(ProjectionHandlers.HandlerFailedException.class)
                .hasMessage("on failed: IllegalStateException: no room for a")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void badHandlersAreRefusedNamingThem() {
        assertThatThrownBy(() -> ProjectionHandlers.of(new Object() {
            @Handler
            void on(String notAnEvent) {
            }
        }, "strings")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must take a DomainEvent type, optionally followed by a Generation, a Notification"
                        + " or both");
        assertThatThrownBy(() -> ProjectionHandlers.of(new Object() {
            @Handler
            void on(Opened event, Notification notification, Notification again) {
            }
        }, "twice-notified")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Notification or both");
        assertThatThrownBy(() -> ProjectionHandlers.of(new Object() {
            @Handler
            void first(Opened event) {
            }

            @Handler
            void second(Opened event) {
            }
        }, "twice")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Projection 'twice' has two handlers of").hasMessageContaining("Opened");
        assertThatThrownBy(() -> ProjectionHandlers.of(new Object(), "empty"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no @Handler methods");
    }
}
