package io.vettify.crm.ui;

import static io.restassured.RestAssured.given;
import static io.vettify.crm.testing.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vettify.crm.security.Scopes;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.Problems;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The web UI as the runtime serves it: caching, CSP, client-route fallback, its config and navigation manifest. */
@QuarkusTest
class WebUiTest {

    private final String tenant = Api.newTenant();

    private static Response get(String path) {
        return given().redirects().follow(false).get(path);
    }

    @Test
    void theHostPageIsRevalidatedAndCarriesAStrictContentSecurityPolicy() {
        Response index = get("/ui/");
        index.then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache")
                .body(containsString("<div id=\"root\">"));
        String csp = index.header("Content-Security-Policy");
        assertThat(csp).contains("script-src 'self';", "default-src 'self'", "frame-ancestors 'none'", "object-src 'none'")
                .contains("connect-src 'self' http://localhost:")
                .doesNotContain("unsafe-eval");
        assertThat(csp.substring(csp.indexOf("script-src"), csp.indexOf(';', csp.indexOf("script-src"))))
                .doesNotContain("unsafe-inline");
        assertThat(index.body().asString()).as("no inline script").doesNotContainPattern("<script(?![^>]*\\ssrc=)[^>]*>");
        get("/ui").then().statusCode(302).header("Location", containsString("/ui/"));
    }

    @Test
    void hashedAssetsAreImmutableAndEntryPointsAreNot() {
        Matcher asset = Pattern.compile("/ui/(assets/[^\"]+\\.js)").matcher(get("/ui/").body().asString());
        assertThat(asset.find()).as("index.html references a hashed script").isTrue();
        given().header("Accept-Encoding", "gzip").get("/ui/" + asset.group(1)).then().statusCode(200)
                .contentType(containsString("text/javascript"))
                .header("Cache-Control", "public, max-age=31536000, immutable")
                .header("Content-Encoding", "gzip")
                .header("Content-Security-Policy", containsString("script-src 'self'"));
        get("/ui/remoteEntry.js").then().statusCode(200)
                .contentType(containsString("text/javascript"))
                .header("Cache-Control", "no-cache")
                .body(containsString("LeadsPage"), containsString("OpportunitiesPage"), containsString("CampaignsPage"));
        get("/ui/assets/missing-0000.js").then().statusCode(404);
        get("/ui/assets/../../application.properties").then().statusCode(not(equalTo(200)));
    }

    @Test
    void clientRoutesAnswerWithTheHostPage() {
        get("/ui/leads/0b6c1d3e-9f1a-4a44-8a8e-3b2c6f0d1e2f/edit").then().statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", "no-cache")
                .body(containsString("<div id=\"root\">"));
        get("/ui/opportunities").then().statusCode(200).body(containsString("<div id=\"root\">"));
    }

    @Test
    void configTellsTheSpaWhereToLogIn() {
        get("/ui/config.json").then().statusCode(200)
                .contentType(containsString("application/json"))
                .header("Cache-Control", "no-cache")
                .body("oidc.authority", containsString("/realms/vettify"))
                .body("oidc.clientId", equalTo("vettify-web"))
                .body("apiBase", equalTo("/v1"));
    }

    @Test
    void theNavigationManifestFollowsTheCallersScopes() {
        as(tenant, Scopes.READ).get("/v1/admin/nav").then().statusCode(200)
                .body("items.path", org.hamcrest.Matchers.contains("/", "/leads", "/opportunities", "/accounts", "/campaigns"))
                .body("items[1].labelKey", equalTo("nav.leads"))
                .body("items[1].scope", equalTo("crm/read"));
        as(tenant, Scopes.CAMPAIGNS).get("/v1/admin/nav").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.empty());
        Problems.assertProblem(given().get("/v1/admin/nav"), 401);
    }

    @Test
    void theManifestIsDocumented() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/v1/admin/nav'.get.responses.'200'", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/v1/admin/nav'.get.responses.'401'.content.'application/problem+json'",
                        org.hamcrest.Matchers.notNullValue());
    }
}
