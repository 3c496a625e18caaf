package io.vettify.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.vettify.platform.testing.LocalPlatform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The repository's delivery files, the tools {@code scripts/cluster.sh tool} builds, and bounded processes. */
final class Delivery {

    static final YAMLMapper YAML = new YAMLMapper();
    static final ObjectMapper JSON = new ObjectMapper();

    private Delivery() {
    }

    static Path repo() {
        return LocalPlatform.repoRoot();
    }

    static Path chart() {
        return repo().resolve("helm/vettify-operator");
    }

    /** The path of a tool of {@code scripts/cluster.sh tool NAME} (helm, actionlint, lua-health, argo-cd-crds). */
    static Path tool(String name) {
        var result = run(List.of("bash", LocalPlatform.clusterScript().toString(), "tool", name),
                Map.of("VETTIFY_STATE", LocalPlatform.stateDir().toString()), Duration.ofMinutes(30));
        result.assertSucceeded();
        return Path.of(result.stdout().trim());
    }

    /** Every document of a multi-document YAML text (empty documents left out). */
    static List<JsonNode> documents(String yaml) {
        try (var parser = new YAMLFactory().createParser(yaml)) {
            List<JsonNode> documents = new ArrayList<>();
            for (var it = YAML.readValues(parser, JsonNode.class); it.hasNext(); ) {
                JsonNode node = it.next();
                if (node != null && !node.isNull() && !node.isMissingNode()) {
                    documents.add(node);
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> documents(Path file) {
        return documents(read(file));
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Result(List<String> command, int exitCode, String stdout, String stderr) {
        Result assertSucceeded() {
            if (exitCode != 0) {
                throw new AssertionError(String.join(" ", command) + " exited with " + exitCode
                        + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr);
            }
            return this;
        }
    }

    /** Runs a command to its end (at most {@code timeout}, then it is killed), its output kept in files. */
    static Result run(List<String> command, Map<String, String> environment, Duration timeout) {
        return run(command, environment, timeout, null);
    }

    static Result run(List<String> command, Map<String, String> environment, Duration timeout, Path stdin) {
        return run(command, environment, timeout, stdin, repo());
    }

    /** As above, with {@code stdin} as the standard input (null: none) in {@code directory}. */
    static Result run(List<String> command, Map<String, String> environment, Duration timeout, Path stdin,
            Path directory) {
        try {
            Path out = Files.createTempFile("delivery-out", ".txt");
            Path err = Files.createTempFile("delivery-err", ".txt");
            try {
                var builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectOutput(out.toFile()).redirectError(err.toFile());
                builder.redirectInput(stdin == null ? ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))
                        : ProcessBuilder.Redirect.from(stdin.toFile()));
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly();
                    throw new AssertionError(String.join(" ", command) + " did not finish within " + timeout
                            + "\n--- stderr\n" + Files.readString(err, StandardCharsets.UTF_8));
                }
                return new Result(command, process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
