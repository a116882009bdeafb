package io.eventsourcing.infrastructure.upcasting;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** JSON bytes to trees and back, numbers kept exactly as written: decimals with their scale, big integers whole. */
public final class JsonTrees {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private JsonTrees() {
    }

    /**
     * The tree of a JSON object.
     *
     * @throws IllegalArgumentException if the bytes are not one
     */
    public static ObjectNode read(byte[] data) {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(data);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("The data is not JSON: " + e.getOriginalMessage(), e);
        }
        if (!(tree instanceof ObjectNode object)) {
            throw new IllegalArgumentException("The data is not a JSON object but " + tree.getNodeType());
        }
        return object;
    }

    public static byte[] write(ObjectNode tree) {
        return MAPPER.writeValueAsBytes(tree);
    }
}
