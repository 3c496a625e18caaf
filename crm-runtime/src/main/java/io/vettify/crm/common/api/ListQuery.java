package io.vettify.crm.common.api;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.jpa.HibernateHints;

/**
 * A keyset-paginated list query over one entity: filters, text search, a sort key with the id as tie-breaker,
 * an opaque cursor holding the last row's key. Never OFFSET: a page costs the same at any depth and concurrent
 * inserts cannot shift rows between pages.
 */
public final class ListQuery<E> {

    private final Class<E> entityType;
    private final Function<E, UUID> idOf;
    private final Map<String, SortKey<E>> sortKeys = new LinkedHashMap<>();
    private final String defaultSort;
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private ListQuery(Class<E> entityType, Function<E, UUID> idOf, List<SortKey<E>> sortKeys, String defaultSort) {
        this.entityType = entityType;
        this.idOf = idOf;
        sortKeys.forEach(key -> this.sortKeys.put(key.name(), key));
        this.defaultSort = defaultSort;
    }

    /** @param defaultSort a sort key name, prefixed with {@code -} for descending */
    public static <E> ListQuery<E> of(Class<E> entityType, Function<E, UUID> idOf, String defaultSort,
            List<SortKey<E>> sortKeys) {
        return new ListQuery<>(entityType, idOf, sortKeys, defaultSort);
    }

    /** Adds {@code e.<property> = value} when the value is present. */
    public ListQuery<E> equal(String property, Object value) {
        if (value != null) {
            String parameter = "p" + parameters.size();
            conditions.add("e." + property + " = :" + parameter);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** Case-insensitive substring search over the given properties, when a text is present. */
    public ListQuery<E> search(String text, String... properties) {
        if (text != null) {
            String parameter = "p" + parameters.size();
            String pattern = "%" + text.toLowerCase(Locale.ROOT)
                    .replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            conditions.add(java.util.Arrays.stream(properties)
                    .map(property -> "lower(e." + property + ") like :" + parameter + " escape '\\'")
                    .collect(Collectors.joining(" or ", "(", ")")));
            parameters.put(parameter, pattern);
        }
        return this;
    }

    public Page<E> fetch(EntityManager entityManager, ListRequest request) {
        int limit = request.limitOrDefault();
        String sort = request.sort == null || request.sort.isBlank() ? defaultSort : request.sort.trim();
        boolean descending = sort.startsWith("-");
        SortKey<E> key = sortKeys.get(descending ? sort.substring(1) : sort);
        if (key == null) {
            throw ProblemException.invalid("sort", "must be one of " + sortKeys.keySet().stream()
                    .flatMap(name -> java.util.stream.Stream.of(name, "-" + name)).toList());
        }

        List<String> where = new ArrayList<>(conditions);
        Map<String, Object> queryParameters = new LinkedHashMap<>(parameters);
        if (request.cursor != null && !request.cursor.isBlank()) {
            Cursor cursor = Cursor.decode(request.cursor, sort, key);
            String op = descending ? "<" : ">";
            // A row-value comparison, which PostgreSQL answers with one range scan of the (tid, key, id) index;
            // the equivalent "key < v or (key = v and id < i)" made it read every row before the cursor.
            where.add("(e." + key.property() + ", e.id) " + op + " (:cursorValue, :cursorId)");
            queryParameters.put("cursorValue", cursor.value());
            queryParameters.put("cursorId", cursor.id());
        }
        String direction = descending ? " desc" : " asc";
        String hql = "from " + entityType.getSimpleName() + " e" + whereClause(where)
                + " order by e." + key.property() + direction + ", e.id" + direction;
        // A page is only ever read and turned into views: read-only entities keep no snapshot and are skipped by the
        // dirty check at commit.
        TypedQuery<E> query = entityManager.createQuery(hql, entityType).setMaxResults(limit + 1)
                .setHint(HibernateHints.HINT_READ_ONLY, true);
        queryParameters.forEach(query::setParameter);
        List<E> rows = query.getResultList();

        String nextCursor = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            E last = rows.get(limit - 1);
            nextCursor = Cursor.encode(sort, String.valueOf(key.read().apply(last)), idOf.apply(last));
        }
        Long total = null;
        if (request.countRequested()) {
            var countQuery = entityManager.createQuery(
                    "select count(e) from " + entityType.getSimpleName() + " e" + whereClause(conditions), Long.class);
            parameters.forEach(countQuery::setParameter);
            total = countQuery.getSingleResult();
        }
        return new Page<>(List.copyOf(rows), nextCursor, total);
    }

    private static String whereClause(List<String> conditions) {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The position after the last row of a page, bound to the sort it was made for. */
    record Cursor(Object value, UUID id) {

        private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
        private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

        static String encode(String sort, String value, UUID id) {
            return ENCODER.encodeToString(String.join("\n", sort, id.toString(), value).getBytes(StandardCharsets.UTF_8));
        }

        static <E> Cursor decode(String token, String sort, SortKey<E> key) {
            try {
                String[] parts = new String(DECODER.decode(token), StandardCharsets.UTF_8).split("\n", 3);
                if (parts.length == 3 && parts[0].equals(sort)) {
                    return new Cursor(key.parse().apply(parts[2]), UUID.fromString(parts[1]));
                }
            } catch (RuntimeException ignored) {
                // reported below
            }
            throw ProblemException.invalid("cursor", "is not a cursor of this list with sort " + sort);
        }
    }
}
