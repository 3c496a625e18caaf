package io.vettify.crm.common.api;

import static io.vettify.crm.testing.Api.as;
import static io.vettify.crm.testing.Json.obj;
import static io.vettify.crm.testing.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.vettify.crm.testing.Api;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Keyset pagination of lists (PRODUCT.md §5), on leads: every row exactly once, in order, at any page size. */
@QuarkusTest
class PaginationTest {

    private static final String LEADS = "/v1/crm/leads";
    private static final int ROWS = 57;
    private static final String[] SOURCES = {"WEB", "IMPORT", "REFERRAL", "EVENT", "SOCIAL", "OTHER"};

    /** The rows of the shared tenant, created once: the tests below only read them. */
    private static String tenant;
    private static List<Row> rows;

    record Row(String id, Instant createdAt, int score, String email) {

        static Row of(Map<String, Object> item) {
            return new Row((String) item.get("id"), Instant.parse((String) item.get("createdAt")),
                    (Integer) item.get("score"), (String) item.get("email"));
        }
    }

    private static synchronized List<Row> rows() {
        if (rows == null) {
            tenant = Api.newTenant();
            List<Row> created = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                created.add(createLead(tenant, i));
            }
            rows = List.copyOf(created);
        }
        return rows;
    }

    /**
     * Varied leads: 41 distinct e-mails (so some repeat and the id must break the tie), scores from several
     * sources, names, companies and mail domains (many scores repeat too).
     */
    private static Row createLead(String tenant, int i) {
        String email = String.format("lead%02d@%s", (i * 7) % 41, i % 4 == 0 ? "gmail.com" : "carpati.ro");
        Map<String, Object> body = obj("email", email, "source", SOURCES[i % SOURCES.length]);
        if (i % 2 == 0) {
            body.put("firstName", "First" + i);
            body.put("lastName", "Last" + i);
        }
        if (i % 3 == 0) {
            body.put("company", "Company " + i);
        }
        return Row.of(as(tenant).body(body).post(LEADS).then().statusCode(201).extract().jsonPath().getMap("$"));
    }

    /** The order the API promises: the sort value, then the id (PostgreSQL orders uuids like their hex strings). */
    private static Comparator<Row> order(String sort) {
        boolean descending = sort.startsWith("-");
        Comparator<Row> byValue = switch (descending ? sort.substring(1) : sort) {
            case "createdAt" -> Comparator.comparing(Row::createdAt);
            case "score" -> Comparator.comparingInt(Row::score);
            case "email" -> Comparator.comparing(Row::email);
            default -> throw new IllegalArgumentException(sort);
        };
        Comparator<Row> order = byValue.thenComparing(Row::id);
        return descending ? order.reversed() : order;
    }

    record Walk(List<Row> rows, int pages) {
    }

    /** Follows nextCursor from the first page to the last; checks page sizes on the way. */
    private static Walk walk(String tenant, String sort, int limit) {
        List<Row> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = as(tenant).queryParam("limit", limit);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(LEADS).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            cursor = page.getString("nextCursor");
            assertThat(items.size()).as("page %d of sort %s", pages, sort).isLessThanOrEqualTo(limit);
            if (cursor != null) {
                assertThat(items).as("a page with a next cursor is full").hasSize(limit);
            }
            items.forEach(item -> seen.add(Row.of(item)));
            pages++;
            assertThat(pages).as("pages of a walk").isLessThan(1000);
        } while (cursor != null);
        return new Walk(seen, pages);
    }

    private static List<String> ids(List<Row> rows) {
        return rows.stream().map(Row::id).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {"-createdAt", "createdAt", "score", "-score", "email", "-email"})
    void walksEveryRowExactlyOnceInOrder(String sort) {
        List<Row> all = rows();
        Walk walk = walk(tenant, sort, 10);

        List<Row> expected = all.stream().sorted(order(sort)).toList();
        assertThat(ids(walk.rows())).doesNotHaveDuplicates().containsExactlyElementsOf(ids(expected));
        assertThat(walk.pages()).isEqualTo(6);
    }

    @Test
    void theDefaultSortIsNewestFirst() {
        List<Row> all = rows();
        Walk walk = walk(tenant, null, 10);
        assertThat(ids(walk.rows())).containsExactlyElementsOf(ids(all.stream().sorted(order("-createdAt")).toList()));
    }

    @Test
    void pageSizesFromOneToTheMaximum() {
        List<Row> all = rows();
        List<String> expected = ids(all.stream().sorted(order("score")).toList());
        assertThat(ids(walk(tenant, "score", 7).rows())).containsExactlyElementsOf(expected);
        assertThat(ids(walk(tenant, "score", 57).rows())).containsExactlyElementsOf(expected);
        assertThat(walk(tenant, "score", 57).pages()).isEqualTo(1);
        assertThat(walk(tenant, "score", 200).rows()).hasSize(ROWS);

        as(tenant).queryParam("limit", 1).get(LEADS).then().statusCode(200)
                .body("items.size()", equalTo(1)).body("nextCursor", notNullValue());
        // the default page size is 50
        as(tenant).get(LEADS).then().statusCode(200).body("items.size()", equalTo(50)).body("nextCursor", notNullValue());
        as(tenant).queryParam("limit", 57).get(LEADS).then().statusCode(200).body("nextCursor", nullValue());
    }

    @Test
    void countGivesTheTotalOfTheWholeList() {
        List<Row> all = rows();
        Response first = as(tenant).queryParam("limit", 10).queryParam("count", true).get(LEADS);
        first.then().statusCode(200).body("total", equalTo(ROWS)).body("items.size()", equalTo(10));

        as(tenant).queryParam("limit", 10).queryParam("count", true).queryParam("cursor", first.<String>path("nextCursor"))
                .get(LEADS).then().statusCode(200).body("total", equalTo(ROWS));
        assertThat(as(tenant).queryParam("limit", 10).get(LEADS).then().statusCode(200)
                .extract().jsonPath().getMap("$")).doesNotContainKey("total");
        assertThat(as(tenant).queryParam("count", false).get(LEADS).then().statusCode(200)
                .extract().jsonPath().getMap("$")).doesNotContainKey("total");

        // lead i has source SOURCES[i % 6]: WEB for i = 0, 6, …, 54
        long fromWeb = IntStream.range(0, all.size()).filter(i -> i % SOURCES.length == 0).count();
        as(tenant).queryParam("count", true).queryParam("source", "WEB").queryParam("limit", 1).get(LEADS)
                .then().statusCode(200).body("total", equalTo((int) fromWeb));
        assertInvalid(as(tenant).queryParam("count", "yes").get(LEADS), "count");
    }

    @Test
    void aLimitOutside1To200Is422() {
        rows();
        for (String limit : new String[] {"0", "201", "-1", "abc", "1.5", "99999999999"}) {
            assertInvalid(as(tenant).queryParam("limit", limit).get(LEADS), "limit");
        }
    }

    @Test
    void anUnknownSortIs422() {
        rows();
        for (String sort : new String[] {"name", "-bogus", "createdAt,score", "--createdAt", "lastName"}) {
            assertInvalid(as(tenant).queryParam("sort", sort).get(LEADS), "sort");
        }
    }

    @Test
    void aCursorIsBoundToItsSort() {
        rows();
        String cursor = as(tenant).queryParam("limit", 10).queryParam("sort", "createdAt").get(LEADS)
                .then().statusCode(200).extract().path("nextCursor");
        assertThat(cursor).isNotNull();

        for (String otherSort : new String[] {"-createdAt", "score", "email", "-email"}) {
            assertInvalid(as(tenant).queryParam("sort", otherSort).queryParam("cursor", cursor).get(LEADS), "cursor");
        }
        // the default sort is -createdAt, not createdAt
        assertInvalid(as(tenant).queryParam("cursor", cursor).get(LEADS), "cursor");
        as(tenant).queryParam("sort", "createdAt").queryParam("cursor", cursor).get(LEADS).then().statusCode(200);
    }

    @Test
    void aGarbageCursorIs422() {
        rows();
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String id = UUID.randomUUID().toString();
        List<String> garbage = List.of(
                "garbage",
                "!!!***",
                base64.encodeToString("createdAt".getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(("createdAt\nnot-a-uuid\n" + Instant.now()).getBytes(StandardCharsets.UTF_8)),
                base64.encodeToString(("createdAt\n" + id + "\nyesterday").getBytes(StandardCharsets.UTF_8)));
        for (String cursor : garbage) {
            assertInvalid(as(tenant).queryParam("sort", "createdAt").queryParam("cursor", cursor).get(LEADS), "cursor");
        }
        String badScore = base64.encodeToString(("score\n" + id + "\nhigh").getBytes(StandardCharsets.UTF_8));
        assertInvalid(as(tenant).queryParam("sort", "score").queryParam("cursor", badScore).get(LEADS), "cursor");
    }

    @Test
    void insertsDuringAWalkNeitherRepeatNorSkipExistingRows() throws Exception {
        String busyTenant = Api.newTenant();
        List<Row> before = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            before.add(createLead(busyTenant, i));
        }
        int inserts = 30;

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            CompletableFuture<Walk> walker = CompletableFuture.supplyAsync(() -> {
                await(start);
                return walk(busyTenant, "createdAt", 4);
            }, pool);
            CompletableFuture<List<String>> inserter = CompletableFuture.supplyAsync(() -> {
                await(start);
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < inserts; i++) {
                    ids.add(createLead(busyTenant, 100 + i).id());
                }
                return ids;
            }, pool);
            start.countDown();

            Walk walk = walker.get(2, TimeUnit.MINUTES);
            List<String> inserted = inserter.get(2, TimeUnit.MINUTES);

            List<String> walked = ids(walk.rows());
            assertThat(walked).doesNotHaveDuplicates();
            Set<String> existing = before.stream().map(Row::id).collect(Collectors.toSet());
            assertThat(walked).containsAll(existing);
            Set<String> known = new HashSet<>(existing);
            known.addAll(inserted);
            assertThat(known).containsAll(walked);
            assertThat(walk.rows()).isSortedAccordingTo(order("createdAt"));
            // the rows that existed before come first, in the order a walk without inserts gives
            assertThat(walked.subList(0, before.size()))
                    .containsExactlyElementsOf(ids(before.stream().sorted(order("createdAt")).toList()));
            as(busyTenant).queryParam("count", true).queryParam("limit", 1).get(LEADS)
                    .then().statusCode(200).body("total", equalTo(before.size() + inserts));
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(1, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
