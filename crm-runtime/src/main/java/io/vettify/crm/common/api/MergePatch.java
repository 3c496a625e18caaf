package io.vettify.crm.common.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.util.Iterator;
import java.util.Map;

/**
 * JSON Merge Patch (RFC 7396) of a request representation: present fields replace, {@code null} clears, nested
 * objects merge. The result is validated like a full replacement, and the patch must carry {@code version}.
 */
@ApplicationScoped
public class MergePatch {

    public static final String MEDIA_TYPE = "application/merge-patch+json";

    private final ObjectMapper mapper;
    private final Validator validator;

    public MergePatch(ObjectMapper mapper, Validator validator) {
        this.mapper = mapper;
        this.validator = validator;
    }

    public <T> T apply(T current, JsonNode patch, Class<T> type) {
        if (patch == null || !patch.isObject()) {
            throw ProblemException.badRequest("a PATCH body must be a JSON object (JSON Merge Patch)");
        }
        if (!patch.hasNonNull("version")) {
            throw ProblemException.invalid("version", "is required: send the version you read");
        }
        ObjectNode target = mapper.valueToTree(current);
        merge(target, (ObjectNode) patch);
        T result;
        try {
            result = mapper.treeToValue(target, type);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemMappers.jsonProblem(e));
        }
        var violations = validator.validate(result);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return result;
    }

    private static void merge(ObjectNode target, ObjectNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.putNull(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode nested) {
                merge(nested, (ObjectNode) value);
            } else {
                target.set(field.getKey(), value);
            }
        }
    }
}
