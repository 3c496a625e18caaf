package io.vettify.crm.attachments;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** A client's file name made safe to store and to send back in {@code Content-Disposition}. */
final class Filenames {

    static final int MAX_LENGTH = 255;
    private static final String FALLBACK = "attachment";

    private Filenames() {
    }

    /** Without directories, control characters or surrounding blanks; at most 255 characters. */
    static String clean(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        base.codePoints().filter(c -> !Character.isISOControl(c) && c != '"').forEach(clean::appendCodePoint);
        String result = clean.toString().strip();
        if (result.isEmpty() || result.equals(".") || result.equals("..")) {
            return FALLBACK;
        }
        return result.length() <= MAX_LENGTH ? result : result.substring(0, MAX_LENGTH);
    }

    /** {@code attachment; filename="<ASCII>"; filename*=UTF-8''<percent-encoded>} (RFC 6266). */
    static String contentDisposition(String name) {
        String ascii = name.codePoints().map(c -> c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? '_' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        String encoded = URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encoded;
    }
}
