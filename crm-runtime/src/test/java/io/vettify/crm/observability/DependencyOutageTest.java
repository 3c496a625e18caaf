package io.vettify.crm.observability;

import static io.vettify.crm.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.LocalServicesResource;
import io.vettify.crm.testing.Problems;
import io.vettify.crm.testing.TcpProxy;
import io.vettify.platform.testing.LocalServices;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The runtime reaches PostgreSQL, Redis and RabbitMQ through loopback proxies the test controls. A database that
 * goes away (a restart drops every connection and refuses new ones) makes requests fail fast with 503
 * problem+json, never a hang or a 500, and the runtime recovers by itself once it is back. Without Redis and the
 * broker the CRM API keeps working: events wait in the outbox.
 */
@QuarkusTest
@TestProfile(DependencyOutageTest.ThroughProxies.class)
class DependencyOutageTest {

    /** A request during an outage must answer well within this (pool acquisition timeout 5 s, connect timeout 5 s). */
    private static final Duration FAIL_FAST = Duration.ofSeconds(12);

    static TcpProxy database;
    static TcpProxy redis;
    static TcpProxy broker;

    public static class ThroughProxies implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(ProxyResource.class));
        }
    }

    public static class ProxyResource implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            try {
                database = new TcpProxy(LocalServices.pgPort());
                redis = new TcpProxy(LocalServices.redisPort());
                broker = new TcpProxy(LocalServicesResource.amqpPort());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + database.port() + "/vettify_test",
                    "quarkus.redis.hosts", LocalServicesResource.redisUrl()
                            .replace(":" + LocalServices.redisPort(), ":" + redis.port()),
                    "rabbitmq-port", String.valueOf(broker.port()));
        }

        @Override
        public void stop() {
            try {
                database.close();
                redis.close();
                broker.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final String tenant = Api.newTenant();

    @Test
    void aDatabaseOutageAnswers503FastAndTheRuntimeRecoversWithoutARestart() throws IOException {
        String lead = createLead().then().statusCode(201).extract().path("id");
        try {
            database.cut();
            List<Supplier<Response>> requests = List.of(
                    () -> as(tenant).get("/v1/crm/leads"),
                    () -> as(tenant).get("/v1/crm/leads/" + lead),
                    this::createLead,
                    () -> as(tenant).post("/v1/crm/leads/" + lead + "/qualify"),
                    () -> as(tenant).get("/v1/crm/accounts?count=true"));
            for (Supplier<Response> request : requests) {
                long started = System.nanoTime();
                Response response = request.get();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(FAIL_FAST);
                Problems.assertProblem(response, 503);
                assertThat(response.header("Retry-After")).isNotBlank();
            }
        } finally {
            database.restore();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as(tenant).get("/v1/crm/leads/" + lead).then().statusCode(200));
        createLead().then().statusCode(201);
    }

    @Test
    void withoutRedisAndTheBrokerTheCrmApiKeepsWorking() throws IOException {
        try {
            redis.cut();
            broker.cut();
            String lead = createLead().then().statusCode(201).extract().path("id");
            as(tenant).get("/v1/crm/leads/" + lead).then().statusCode(200);
            as(tenant).get("/v1/crm/leads").then().statusCode(200);
            as(tenant).post("/v1/crm/leads/" + lead + "/qualify").then().statusCode(200);
            as(tenant).post("/v1/crm/leads/" + lead + "/convert").then().statusCode(200);
        } finally {
            redis.restore();
            broker.restore();
        }
    }

    private Response createLead() {
        return as(tenant).body(Map.of("email", "outage-" + UUID.randomUUID() + "@example.test", "company", "Outage SRL"))
                .post("/v1/crm/leads");
    }
}
