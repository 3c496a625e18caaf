package io.vettify.crm.common.api;

import jakarta.ws.rs.QueryParam;

/** The query parameters every list accepts: {@code q}, {@code limit}, {@code cursor}, {@code sort}, {@code count}. */
public class ListRequest {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    @QueryParam("q")
    public String q;

    @QueryParam("limit")
    public String limit;

    @QueryParam("cursor")
    public String cursor;

    @QueryParam("sort")
    public String sort;

    @QueryParam("count")
    public String count;

    public int limitOrDefault() {
        if (limit == null || limit.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ProblemException.invalid("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    public boolean countRequested() {
        if (count == null || count.isBlank() || count.equals("false")) {
            return false;
        }
        if (count.equals("true")) {
            return true;
        }
        throw ProblemException.invalid("count", "must be true or false");
    }

    public String searchText() {
        if (q != null && q.indexOf('\u0000') >= 0) {
            throw ProblemException.invalid("q", "must not contain the NUL character (U+0000)");
        }
        return q == null || q.isBlank() ? null : q.trim();
    }
}
