package io.vettify.workers.reference;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test switches of the reference workers, carried in the request's own data: any string value of the request that
 * contains {@code simulate:<switch>} (e.g. a note's text, a campaign subject). They exist only here, never in the
 * runtime, so a test can make one request misbehave without touching the others:
 * <ul>
 *   <li>{@code simulate:slow=<ms>} — answer after that many milliseconds;</li>
 *   <li>{@code simulate:garbage} — answer with a body that is not JSON;</li>
 *   <li>{@code simulate:invalid-result} — answer ok with a result its response schema refuses;</li>
 *   <li>{@code simulate:refuse} — answer a permanent error (retryable false);</li>
 *   <li>{@code simulate:fail-attempts=<n>} — answer a retryable error to attempts 1..n (header {@code x-attempt}).</li>
 * </ul>
 */
record Simulation(long slowMillis, boolean garbage, boolean invalidResult, boolean refuse, int failAttempts) {

    private static final Pattern SWITCH = Pattern.compile("simulate:([a-z-]+)(?:=(\\d{1,7}))?");

    static Simulation of(JsonNode request) {
        List<String> texts = new ArrayList<>();
        collect(request, texts);
        long slow = 0;
        boolean garbage = false;
        boolean invalid = false;
        boolean refuse = false;
        int failAttempts = 0;
        for (String text : texts) {
            Matcher matcher = SWITCH.matcher(text);
            while (matcher.find()) {
                String value = matcher.group(2);
                switch (matcher.group(1)) {
                    case "slow" -> slow = value == null ? 0 : Long.parseLong(value);
                    case "garbage" -> garbage = true;
                    case "invalid-result" -> invalid = true;
                    case "refuse" -> refuse = true;
                    case "fail-attempts" -> failAttempts = value == null ? 0 : Integer.parseInt(value);
                    default -> {
                    }
                }
            }
        }
        return new Simulation(slow, garbage, invalid, refuse, failAttempts);
    }

    private static void collect(JsonNode node, List<String> texts) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && node.textValue().contains("simulate:")) {
            texts.add(node.textValue());
        }
        node.forEach(child -> collect(child, texts));
    }
}
