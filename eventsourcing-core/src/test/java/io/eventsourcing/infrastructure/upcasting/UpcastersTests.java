package io.eventsourcing.infrastructure.upcasting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

class UpcastersTests {

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(EventJson json) {
        return new String(json.toBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void aChainTakesDataThroughEachVersionAndTopicItReaches() {
        Upcasters upcasters = Upcasters.of(List.of(
                Upcaster.of("a", 1, json -> json.put("two", true)),
                Upcaster.renaming("a", 2, "b", 1),
                Upcaster.splitting("b", 1, json -> List.of(new EventJson("b", 2, json),
                        new EventJson("c", 1, json.objectNode().put("split", 1)))),
                Upcaster.of("b", 2, json -> json.remove("two"))));

        List<EventJson> upcast = upcasters.upcast("a", 1, utf8("{\"one\":1}"));

        assertThat(upcast).extracting(EventJson::topic, EventJson::schemaVersion)
                .containsExactly(tuple("b", 3), tuple("c", 1));
        assertThat(upcast).extracting(UpcastersTests::text).containsExactly("{\"one\":1}", "{\"split\":1}");
        assertThat(upcasters.upcasts("a", 1)).isTrue();
        assertThat(upcasters.upcasts("a", 3)).isFalse();
        assertThat(upcasters.upcast("a", 3, utf8("{}"))).extracting(EventJson::schemaVersion).containsExactly(3);
    }

    @Test
    void numbersAreWrittenBackAsTheyWereStored() {
        String stored = "{\"amount\":1234567890.1230,\"big\":123456789012345678901234567890,\"micros\":1796292000000001}";
        Upcasters upcasters = Upcasters.of(List.of(Upcaster.of("a", 1, json -> json.put("b", 2))));

        assertThat(text(upcasters.upcast("a", 1, utf8(stored)).get(0))).isEqualTo(
                stored.substring(0, stored.length() - 1) + ",\"b\":2}");
    }

    @Test
    void twoUpcastersOfOneTopicAndVersionAreRefused() {
        assertThatThrownBy(() -> Upcasters.of(List.of(Upcaster.of("a", 1, json -> { }),
                Upcaster.renaming("a", 1, "b", 1))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Two upcasters take topic 'a' from schema version 1: Upcaster[topic a from version 1] and "
                        + "Upcaster[topic a from version 1]");
    }

    @Test
    void anUpcasterThatFailsReturnsNothingOrLoopsIsNamed() {
        Upcasters failing = Upcasters.of(List.of(Upcaster.of("a", 1, json -> {
            throw new IllegalStateException("no amount");
        })));
        Upcasters empty = Upcasters.of(List.of(Upcaster.splitting("a", 1, json -> List.of())));
        Upcasters looping = Upcasters.of(List.of(Upcaster.renaming("a", 1, "b", 1), Upcaster.renaming("b", 1, "a", 1)));

        assertThatThrownBy(() -> failing.upcast("a", 1, utf8("{}")))
                .hasMessage("Upcaster[topic a from version 1] failed: java.lang.IllegalStateException: no amount");
        assertThatThrownBy(() -> empty.upcast("a", 1, utf8("{}")))
                .hasMessage("Upcaster[topic a from version 1] returned no event");
        assertThatThrownBy(() -> looping.upcast("a", 1, utf8("{}")))
                .hasMessageStartingWith("The upcasters go round in a loop: after 1000 steps");
        assertThatThrownBy(() -> failing.upcast("a", 1, utf8("[1]")))
                .hasMessage("The data is not a JSON object but ARRAY");
    }

    @Test
    void versionsBelowOneAreRefused() {
        assertThatThrownBy(() -> Upcaster.of("a", 0, json -> { }))
                .hasMessage("An upcaster of topic 'a' must take a schema version of 1 or more, not 0");
        assertThatThrownBy(() -> new EventJson("a", 0, JsonNodeFactory.instance.objectNode()))
                .hasMessage("The schema version of topic 'a' must be 1 or more, was 0");
    }
}
