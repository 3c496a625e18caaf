package io.vettify.crm.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies as ordered maps; unlike {@link Map#of} they take any number of fields and {@code null} values. */
public final class Json {

    private Json() {
    }

    public static Map<String, Object> obj(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A copy of {@code base} with the given fields replaced or added. */
    public static Map<String, Object> with(Map<String, Object> base, Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        map.putAll(obj(keysAndValues));
        return map;
    }

    /** A copy of {@code base} without the given fields. */
    public static Map<String, Object> without(Map<String, Object> base, String... keys) {
        Map<String, Object> map = new LinkedHashMap<>(base);
        for (String key : keys) {
            map.remove(key);
        }
        return map;
    }
}
