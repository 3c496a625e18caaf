package io.vettify.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * .github/workflows: valid for actionlint (v1.7.12 from the Go module proxy: workflow syntax, expressions, action
 * inputs it knows, job/step references), and every script or file of this repository a step runs exists.
 */
class WorkflowsTest {

    /** A repository path in a step's command: ./x, scripts/x, .ci/x, or <module>/src/… (the image definitions). */
    private static final Pattern REPO_PATH = Pattern.compile(
            "(?<![\\w/.$-])((?:\\./|scripts/|\\.ci/|helm/|crds/|(?:crm-runtime|operator)/src/)[\\w./-]*[\\w-])");

    @TempDir
    Path work;

    @Test
    void actionlintFindsNothing() {
        Path actionlint = Delivery.tool("actionlint");
        // shellcheck and pyflakes are not installed here; actionlint skips those checks when they are absent.
        var result = Delivery.run(List.of(actionlint.toString(), "-no-color", "-shellcheck=", "-pyflakes="), Map.of(),
                Duration.ofMinutes(2));
        assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    }

    @Test
    void workflowsParseAndReferenceOnlyFilesThatExist() throws IOException {
        List<Path> workflows;
        try (Stream<Path> files = Files.list(Delivery.repo().resolve(".github/workflows"))) {
            workflows = files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(workflows).extracting(f -> f.getFileName().toString()).contains("ci.yml", "release.yml");
        List<String> referenced = new ArrayList<>();
        for (Path workflow : workflows) {
            var documents = Delivery.documents(workflow);
            assertThat(documents).as(workflow.toString()).hasSize(1);
            JsonNode jobs = documents.get(0).path("jobs");
            assertThat(jobs.size()).as("jobs of " + workflow).isPositive();
            jobs.forEach(job -> job.path("steps").forEach(step -> {
                var matcher = REPO_PATH.matcher(step.path("run").asText() + "\n" + step.path("with").toString());
                while (matcher.find()) {
                    referenced.add(matcher.group(1));
                }
            }));
        }
        assertThat(referenced).as("repository files the workflows use")
                .contains("./.ci/run", "./mvnw", "scripts/release-notes.sh", "helm/vettify-operator");
        assertThat(referenced).allSatisfy(path -> assertThat(Delivery.repo().resolve(path)).exists());
        // The Dockerfiles are named through the matrix: each module's must exist.
        for (String module : List.of("crm-runtime", "operator")) {
            assertThat(Delivery.repo().resolve(module + "/src/main/docker/Dockerfile.jvm")).exists();
        }
    }

    /** The release notes the release workflow publishes, from a throwaway repository's Conventional Commits. */
    @Test
    void releaseNotesGroupConventionalCommits() throws IOException {
        Path repo = Files.createDirectories(work.resolve("repo"));
        git(repo, "init", "-q");
        commit(repo, "chore: start");
        git(repo, "tag", "v1.0.0");
        commit(repo, "feat(runtime): lead scoring");
        commit(repo, "fix(operator): requeue on conflict");
        commit(repo, "feat(api)!: drop the v0 endpoints");
        commit(repo, "docs: runbook");
        commit(repo, "an unconventional subject");
        git(repo, "tag", "v1.1.0");

        var notes = Delivery.run(List.of("bash", Delivery.repo().resolve("scripts/release-notes.sh").toString(),
                "v1.1.0"), Map.of(), Duration.ofSeconds(30), null, repo).assertSucceeded().stdout();
        assertThat(notes).doesNotContain("start");
        assertThat(notes.indexOf("### Breaking changes")).isZero();
        assertThat(notes).contains("### Features\n\n- **runtime:** lead scoring (")
                .contains("### Fixes\n\n- **operator:** requeue on conflict (")
                .contains("- **api:** drop the v0 endpoints (").contains("### Documentation\n\n- runbook (")
                .contains("### Other changes\n\n- an unconventional subject (");
    }

    private static void commit(Path repo, String message) {
        git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "commit", "-q", "--allow-empty",
                "-m", message);
    }

    private static void git(Path repo, String... args) {
        var command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Delivery.run(command, Map.of(), Duration.ofSeconds(30), null, repo).assertSucceeded();
    }
}
