package io.vettify.crm.messaging;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;

/** The text of a consumed message's body, whatever type the connector gave it; null when it is none of those. */
public final class MessageBodies {

    private MessageBodies() {
    }

    public static String text(Object payload) {
        if (payload instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (payload instanceof Buffer buffer) {
            return buffer.toString(StandardCharsets.UTF_8);
        }
        if (payload instanceof JsonObject || payload instanceof JsonArray || payload instanceof String) {
            return payload.toString();
        }
        return null;
    }
}
