package io.vettify.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The VettifyTenant health check of argocd/argocd-cm-vettifytenant-health.yaml, run by gopher-lua v1.1.2 (the Lua 5.1
 * Argo CD embeds) with the libraries Argo CD opens for it, against statuses the operator's tests produce
 * (src/test/resources/health/: BadInputTest, RuntimeCanaryTest, a fresh and a changed tenant).
 */
class ArgoCdHealthCheckTest {

    private static final String KEY = "resource.customizations.health.vettify.io_VettifyTenant";
    private static final Path FIXTURES = Path.of("src/test/resources/health").toAbsolutePath();

    private static Path runner;
    private static Path script;

    @TempDir
    static Path work;

    @BeforeAll
    static void extractTheScript() throws Exception {
        runner = Delivery.tool("lua-health");
        var configMap = Delivery.documents(Delivery.repo().resolve("argocd/argocd-cm-vettifytenant-health.yaml")).get(0);
        assertThat(configMap.at("/metadata/name").asText()).isEqualTo("argocd-cm");
        String lua = configMap.path("data").path(KEY).asText();
        assertThat(lua).as("argocd-cm key " + KEY).isNotBlank();
        script = Files.writeString(work.resolve("health.lua"), lua);
    }

    static Stream<Arguments> statuses() throws Exception {
        JsonNode expected = Delivery.JSON.readTree(FIXTURES.resolve("expected.json").toFile());
        List<Arguments> cases = new ArrayList<>();
        expected.properties().forEach(e -> cases.add(Arguments.of(e.getKey(), e.getValue().path("status").asText(),
                e.getValue().path("messageContains").asText())));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("statuses")
    void mapsTheTenantsStatusToArgoCdHealth(String fixture, String status, String message) throws Exception {
        JsonNode health = health(script, FIXTURES.resolve(fixture + ".json"));
        assertThat(health.path("status").asText()).isEqualTo(status);
        assertThat(health.path("message").asText()).contains(message);
    }

    /** The runner is as strict as Argo CD: no `string` library, so a script that needs it fails here too. */
    @Test
    void theRunnerOpensOnlyTheLibrariesArgoCdOpens() throws Exception {
        Path usesString = Files.writeString(work.resolve("uses-string.lua"),
                "return {status = string.upper(\"healthy\")}\n");
        var result = Delivery.run(List.of(runner.toString(), usesString.toString()), Map.of(), Duration.ofSeconds(30),
                FIXTURES.resolve("ready.json"));
        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stderr()).contains("string");

        Path invalid = Files.writeString(work.resolve("invalid.lua"), "return {status = \"Fine\"}\n");
        assertThat(health(invalid, FIXTURES.resolve("ready.json")).path("status").asText()).isEqualTo("Unknown");
    }

    private static JsonNode health(Path lua, Path resource) throws Exception {
        var result = Delivery.run(List.of(runner.toString(), lua.toString()), Map.of(), Duration.ofSeconds(30), resource)
                .assertSucceeded();
        return Delivery.JSON.readTree(result.stdout());
    }
}
