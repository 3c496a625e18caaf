package io.vettify.crm.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vettify.crm.testing.Api;
import io.vettify.crm.testing.TestTokens;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The bounded API fuzzing run of {@code ./vettify test}: schemathesis (tools/fuzz) against this runtime's
 * /q/openapi, as two tenants in turn, checking that no answer is a 5xx, every status code, content type and body
 * is the documented one, and no answer shows the other tenant's rows. {@code ./vettify fuzz} runs it longer.
 */
@QuarkusTest
class ApiFuzzTest {

    private static final Path TOOLS = Path.of("..", "tools", "fuzz").toAbsolutePath().normalize();
    private static final int SECONDS = Integer.getInteger("vettify.fuzz.seconds", 120);
    private static final int EXAMPLES = Integer.getInteger("vettify.fuzz.examples", 15);
    /** Fixed, so the suite is reproducible; -Dvettify.fuzz.seed= (empty) explores like ./vettify fuzz. */
    private static final String SEED = System.getProperty("vettify.fuzz.seed", "20261127");

    @TestHTTPResource("/")
    URL base;

    @Test
    void schemathesisFindsNoServerErrorNoUndocumentedAnswerAndNoForeignTenantData() throws Exception {
        // venv.sh installs the pinned schemathesis the first time; its last line is the virtualenv's python
        String python = run(new ProcessBuilder("bash", TOOLS.resolve("venv.sh").toString()), 600).strip()
                .lines().reduce((first, last) -> last).orElseThrow();
        String[] scopes = {"crm/read", "crm/write"};
        ProcessBuilder fuzz = new ProcessBuilder(python, TOOLS.resolve("fuzz.py").toString(),
                base.toString().replaceAll("/$", ""), String.valueOf(SECONDS), String.valueOf(EXAMPLES),
                Path.of("target", "fuzz").toAbsolutePath().toString());
        fuzz.environment().put("VETTIFY_FUZZ_SEED", SEED);
        fuzz.environment().put("VETTIFY_FUZZ_TOKEN_A", TestTokens.token(Api.newTenant(), null, scopes));
        fuzz.environment().put("VETTIFY_FUZZ_TOKEN_B", TestTokens.token(Api.newTenant(), null, scopes));
        run(fuzz, SECONDS + 300);
    }

    /** Runs the process to its end (bounded); its output is the failure message when it fails. */
    private static String run(ProcessBuilder builder, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("fuzz", ".log");
        Process process = builder.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(ended).as("the fuzzer ends within %d s; output so far:%n%s", timeoutSeconds, output).isTrue();
            assertThat(process.exitValue()).as("exit status of %s; output:%n%s", builder.command().get(1), output).isZero();
            return output;
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(log);
        }
    }
}
