package io.vettify.crm.gdpr;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes a person's identifiers (email, names) from free text that other rows keep about them, e.g. the name of
 * the opportunity a conversion created ("ACME – Ana Pop") or a timeline summary.
 */
final class Scrubber {

    static final String ERASED = "[erased]";
    /** Shorter strings would take out parts of ordinary words. */
    private static final int MIN_LENGTH = 3;

    private final List<Pattern> identifiers;

    private Scrubber(List<Pattern> identifiers) {
        this.identifiers = identifiers;
    }

    static Scrubber of(List<String> identifiers) {
        return new Scrubber(identifiers.stream().filter(Objects::nonNull).map(String::trim)
                .filter(s -> s.length() >= MIN_LENGTH).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(s -> Pattern.compile(Pattern.quote(s), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
                .toList());
    }

    String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (Pattern identifier : identifiers) {
            result = identifier.matcher(result).replaceAll(Matcher.quoteReplacement(ERASED));
        }
        return result;
    }

    boolean matchesWhole(String text) {
        return text != null && identifiers.stream().anyMatch(identifier -> identifier.matcher(text.trim()).matches());
    }
}
