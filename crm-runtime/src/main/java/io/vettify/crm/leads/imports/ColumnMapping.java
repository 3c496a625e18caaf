package io.vettify.crm.leads.imports;

import io.vettify.crm.common.api.Problem;
import io.vettify.crm.common.api.ProblemException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which CSV column feeds which lead field. Header names match case-insensitively after trimming. Without a mapping,
 * every column whose header is a lead field name (e.g. {@code email}) feeds that field. The email must be mapped.
 */
final class ColumnMapping {

    private final Map<ImportField, Integer> indexes;
    private final Map<ImportField, String> headers;

    private ColumnMapping(Map<ImportField, Integer> indexes, Map<ImportField, String> headers) {
        this.indexes = indexes;
        this.headers = headers;
    }

    /**
     * @param requested CSV header → lead field name, or null/empty for the automatic mapping
     * @throws ProblemException 422 naming every problem of the mapping
     */
    static ColumnMapping resolve(Map<String, String> requested, List<String> header) {
        Map<String, List<Integer>> positions = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.computeIfAbsent(key(header.get(i)), k -> new ArrayList<>()).add(i);
        }
        Map<String, String> wanted = requested == null || requested.isEmpty() ? automatic(header) : requested;
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<ImportField, Integer> indexes = new EnumMap<>(ImportField.class);
        Map<ImportField, String> headers = new EnumMap<>(ImportField.class);
        wanted.forEach((column, fieldName) -> {
            String path = "mapping." + column;
            ImportField field = fieldName == null ? null : ImportField.named(fieldName).orElse(null);
            List<Integer> found = positions.getOrDefault(key(column), List.of());
            if (field == null) {
                errors.add(new Problem.FieldError(path, "'" + fieldName + "' is not a lead field; one of "
                        + ImportField.allNames()));
            } else if (found.isEmpty()) {
                errors.add(new Problem.FieldError(path, "the file's header has no column '" + column + "'"));
            } else if (found.size() > 1) {
                errors.add(new Problem.FieldError(path, "the file's header has " + found.size() + " columns named '"
                        + column + "'"));
            } else if (indexes.containsKey(field)) {
                errors.add(new Problem.FieldError(path, "'" + fieldName + "' is already fed by column '"
                        + headers.get(field) + "'"));
            } else {
                indexes.put(field, found.get(0));
                headers.put(field, header.get(found.get(0)).trim());
            }
        });
        if (errors.isEmpty() && !indexes.containsKey(ImportField.EMAIL)) {
            errors.add(new Problem.FieldError("mapping", requested == null || requested.isEmpty()
                    ? "no column is named 'email': map the email column, e.g. {\"E-mail\": \"email\"}"
                    : "no column is mapped to 'email', which every lead requires"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ColumnMapping(indexes, headers);
    }

    /** The row's trimmed value for a field; null when the field is not mapped or the cell is empty. */
    String value(ImportField field, List<String> row) {
        Integer index = indexes.get(field);
        if (index == null || index >= row.size()) {
            return null;
        }
        String value = row.get(index).trim();
        return value.isEmpty() ? null : value;
    }

    /** The CSV header feeding a field, or null when the field is not mapped. */
    String column(ImportField field) {
        return headers.get(field);
    }

    /** The effective mapping, CSV header → lead field name, as recorded with the import. */
    Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        headers.forEach((field, column) -> map.put(column, field.fieldName()));
        return map;
    }

    private static Map<String, String> automatic(List<String> header) {
        Map<String, String> mapping = new LinkedHashMap<>();
        for (String column : header) {
            for (ImportField field : ImportField.values()) {
                if (key(column).equals(key(field.fieldName()))) {
                    mapping.put(column.trim(), field.fieldName());
                }
            }
        }
        return mapping;
    }

    private static String key(String column) {
        return column.trim().toLowerCase(Locale.ROOT);
    }
}
