package io.vettify.crm.common.validation;

import java.util.Locale;

/** Romanian fiscal codes (CUI/CIF). */
public final class FiscalCodes {

    private static final int[] WEIGHTS = {7, 5, 3, 2, 1, 7, 5, 3, 2};

    private FiscalCodes() {
    }

    /** The canonical form (digits only, no {@code RO} prefix), or null when the code is not valid. */
    public static String normalize(String value) {
        if (value == null) {
            return null;
        }
        String code = value.trim().toUpperCase(Locale.ROOT).replace(" ", "");
        if (code.startsWith("RO")) {
            code = code.substring(2);
        }
        if (!code.matches("[1-9][0-9]{1,9}")) {
            return null;
        }
        String body = "0".repeat(10 - code.length()) + code.substring(0, code.length() - 1);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = sum * 10 % 11;
        if (check == 10) {
            check = 0;
        }
        return check == code.charAt(code.length() - 1) - '0' ? code : null;
    }
}
