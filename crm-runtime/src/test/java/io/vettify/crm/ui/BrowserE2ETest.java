package io.vettify.crm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.platform.testing.LocalPlatform;
import io.vettify.platform.testing.LocalServices;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The browser tests (crm-runtime/src/test/e2e, Playwright driving Debian's headless Chromium) against this test's
 * runtime — API and web UI on the @QuarkusTest HTTP port — and the real local Keycloak. A failing spec fails the
 * build; Playwright's HTML report, JUnit XML and traces of failures are written under target/e2e/.
 */
@QuarkusTest
class BrowserE2ETest {

    private static final Path E2E = LocalPlatform.repoRoot().resolve("crm-runtime/src/test/e2e");
    private static final Path OUTPUT = LocalPlatform.repoRoot().resolve("crm-runtime/target/e2e");
    private static final long NPM_CI_MINUTES = 5;
    private static final long PLAYWRIGHT_MINUTES = 14;

    @TestHTTPResource("/")
    URL runtime;

    @Test
    void theBrowserSpecsPass() throws Exception {
        String chromium = run(List.of("bash", LocalPlatform.repoRoot().resolve("scripts/local-services.sh").toString(),
                "chromium"), Map.of(), 10, OUTPUT.resolve("chromium.log")).strip();
        LocalServices.ensureKeycloak();
        installPackages();

        String baseUrl = "http://localhost:" + runtime.getPort();
        Path log = OUTPUT.resolve("playwright.log");
        run(List.of(E2E.resolve("node_modules/.bin/playwright").toString(), "test"),
                Map.of("VETTIFY_E2E_BASE_URL", baseUrl,
                        "VETTIFY_E2E_KEYCLOAK_URL", LocalServices.keycloakUrl(),
                        "VETTIFY_E2E_OUTPUT_DIR", OUTPUT.toString(),
                        "VETTIFY_CHROMIUM", chromium.lines().reduce((first, last) -> last).orElse("/usr/bin/chromium"),
                        "CI", "true"),
                PLAYWRIGHT_MINUTES, log);
        assertThat(Files.readString(log)).contains(" passed");
    }

    /** {@code npm ci} once per package-lock.json (node_modules is kept until the lock file changes). */
    private static void installPackages() throws IOException, InterruptedException, NoSuchAlgorithmException {
        String lock = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(E2E.resolve("package-lock.json"))));
        Path marker = E2E.resolve("node_modules/.vettify-package-lock.sha256");
        if (Files.exists(marker) && Files.readString(marker).equals(lock)) {
            return;
        }
        run(List.of("npm", "ci", "--no-audit", "--no-fund"), Map.of(), NPM_CI_MINUTES, OUTPUT.resolve("npm-ci.log"));
        Files.writeString(marker, lock);
    }

    /** Runs a command in the e2e folder, bounded in time; its output goes to a log file; fails on a non-zero exit. */
    private static String run(List<String> command, Map<String, String> env, long minutes, Path log)
            throws IOException, InterruptedException {
        Files.createDirectories(log.getParent());
        var builder = new ProcessBuilder(command).directory(E2E.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(minutes, TimeUnit.MINUTES);
        if (!finished) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(finished).as("%s finished within %d min; output:%n%s", command, minutes, tail(output)).isTrue();
        assertThat(process.exitValue()).as("exit code of %s; output (%s):%n%s", command, log, tail(output)).isZero();
        return output;
    }

    private static String tail(String output) {
        return output.length() <= 12_000 ? output : "…" + output.substring(output.length() - 12_000);
    }
}
