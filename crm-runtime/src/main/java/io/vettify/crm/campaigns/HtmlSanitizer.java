package io.vettify.crm.campaigns;

import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/** Campaign bodies keep formatting, blocks, links, images, inline styles and tables; scripts and handlers go. */
final class HtmlSanitizer {

    private static final PolicyFactory POLICY = Sanitizers.FORMATTING.and(Sanitizers.BLOCKS).and(Sanitizers.LINKS)
            .and(Sanitizers.IMAGES).and(Sanitizers.STYLES).and(Sanitizers.TABLES);

    private HtmlSanitizer() {
    }

    static String sanitize(String html) {
        return POLICY.sanitize(html);
    }
}
