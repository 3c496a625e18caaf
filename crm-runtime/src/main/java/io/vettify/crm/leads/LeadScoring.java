package io.vettify.crm.leads;

import java.util.Locale;
import java.util.Set;

/**
 * A transparent rule-based lead score from 0 to 100: how complete and how warm a lead is. It is recomputed on
 * every change; the AI scoring of the worker fleet may replace it later.
 */
public final class LeadScoring {

    private static final Set<String> FREE_MAIL_DOMAINS = Set.of("gmail.com", "yahoo.com", "yahoo.ro", "hotmail.com",
            "outlook.com", "live.com", "icloud.com", "proton.me", "protonmail.com", "mail.com");

    private LeadScoring() {
    }

    public static int score(Lead lead) {
        int score = 10;
        if (lead.firstName != null && lead.lastName != null) {
            score += 10;
        }
        if (lead.company != null && !lead.company.isBlank()) {
            score += 15;
        }
        if (lead.cui != null) {
            score += 20;
        }
        String domain = lead.email.substring(lead.email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (!FREE_MAIL_DOMAINS.contains(domain)) {
            score += 10;
        }
        score += switch (lead.source) {
            case REFERRAL -> 25;
            case EVENT -> 20;
            case WEB -> 15;
            case SOCIAL -> 10;
            case IMPORT, OTHER -> 5;
        };
        score += switch (lead.status) {
            case CONTACTED -> 5;
            case QUALIFIED, CONVERTED -> 15;
            case DISQUALIFIED -> -100;
            case NEW -> 0;
        };
        return Math.max(0, Math.min(100, score));
    }
}
