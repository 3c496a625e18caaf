package io.vettify.crm.common.api;

import static io.vettify.crm.testing.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The database connection is lost at the very moment of COMMIT — what a PostgreSQL restart does to a request whose
 * statements already ran. A deferred constraint trigger, for this test's tenant only, terminates its own backend when
 * the transaction commits: PostgreSQL answers the COMMIT with FATAL 57P01 and keeps nothing. The client must get a
 * 503 it can retry (the transaction manager reports the lost commit as a RollbackException that carries the
 * database's error only as a suppressed exception), the lead must not exist, and the next request must work.
 */
@QuarkusTest
class DatabaseLostAtCommitTest {

    private final String tenant = Api.newTenant();
    private final String trigger = "lose_commit_" + tenant.replace('-', '_');

    @Test
    void aCommitCutOffByTheDatabaseIs503AndKeepsNothing() throws SQLException {
        terminateTheConnectionAtCommit();

        as(tenant).body(Map.of("email", "lost@commit.example", "lastName", "Pop", "company", "Lost SRL"))
                .post("/v1/crm/leads").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("status", equalTo(503))
                .body("detail", not(containsString("FATAL")));
        as(tenant).get("/v1/crm/leads?count=true").then().statusCode(200).body("total", equalTo(0));

        removeTrigger();
        as(tenant).body(Map.of("email", "kept@commit.example", "lastName", "Pop", "company", "Kept SRL"))
                .post("/v1/crm/leads").then().statusCode(201);
        as(tenant).get("/v1/crm/leads?count=true").then().statusCode(200).body("total", equalTo(1));
    }

    private void terminateTheConnectionAtCommit() throws SQLException {
        try (Connection admin = Database.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("CREATE FUNCTION crm." + trigger + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "PERFORM pg_terminate_backend(pg_backend_pid()); RETURN NULL; END $$");
            sql.execute("CREATE CONSTRAINT TRIGGER " + trigger + " AFTER INSERT ON crm.leads "
                    + "DEFERRABLE INITIALLY DEFERRED FOR EACH ROW "
                    + "WHEN (NEW.tid = '" + tenant + "') EXECUTE FUNCTION crm." + trigger + "()");
        }
    }

    @AfterEach
    void removeTrigger() throws SQLException {
        try (Connection admin = Database.connect("postgres"); Statement sql = admin.createStatement()) {
            sql.execute("DROP TRIGGER IF EXISTS " + trigger + " ON crm.leads");
            sql.execute("DROP FUNCTION IF EXISTS crm." + trigger + "()");
        }
    }
}
