package io.vettify.workers.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * {@code ai.summary}: an extractive summary (no language model). The notes are split into sentences; each sentence
 * scores the mean frequency, over all the notes, of its content words (stop words of English and Romanian left out);
 * the best {@code maxSentences} (default 3) are kept in their original order.
 */
final class AiSummary implements Worker {

    static final String METHOD = "extractive-tf";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "or", "but", "of", "to", "in",
            "on", "at", "for", "with", "is", "are", "was", "were", "be", "been", "it", "this", "that", "we", "they",
            "he", "she", "i", "you", "our", "their", "his", "her", "as", "by", "from", "will", "would", "has", "have",
            "had", "not", "no", "do", "does", "did", "so", "if", "then", "there", "about", "into", "also", "can",
            "si", "și", "sau", "de", "la", "în", "pe", "cu", "un", "o", "este", "sunt", "ca", "că", "din",
            "pentru", "care", "ce", "nu", "mai", "se", "ne", "le", "lui", "ei", "al", "ale");

    @Override
    public String name() {
        return "ai.summary";
    }

    @Override
    public JsonNode handle(JsonNode request) {
        int max = request.path("maxSentences").asInt(3);
        List<String> sentences = new ArrayList<>();
        for (JsonNode note : request.get("notes")) {
            for (String sentence : note.get("text").asText().split("(?<=[.!?])\\s+|\\n+")) {
                if (!sentence.isBlank()) {
                    sentences.add(sentence.trim());
                }
            }
        }
        Map<String, Integer> frequency = new HashMap<>();
        List<List<String>> words = sentences.stream().map(AiSummary::contentWords).toList();
        words.forEach(list -> list.forEach(word -> frequency.merge(word, 1, Integer::sum)));
        List<Integer> chosen = IntStream.range(0, sentences.size()).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -score(words.get(i), frequency))
                        .thenComparingInt(i -> i))
                .limit(max).sorted().toList();
        ObjectNode result = JSON.createObjectNode();
        ArrayNode picked = result.putArray("sentences");
        chosen.forEach(i -> picked.add(sentences.get(i)));
        result.put("summary", String.join(" ", chosen.stream().map(sentences::get).toList()));
        return result.put("sourceSentences", sentences.size()).put("method", METHOD);
    }

    private static List<String> contentWords(String sentence) {
        List<String> words = new ArrayList<>();
        for (String word : sentence.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (word.length() > 1 && !STOP_WORDS.contains(word)) {
                words.add(word);
            }
        }
        return words;
    }

    private static double score(List<String> words, Map<String, Integer> frequency) {
        return words.isEmpty() ? 0 : words.stream().mapToInt(frequency::get).average().orElse(0);
    }
}
