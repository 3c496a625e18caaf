package io.vettify.crm.common.validation;

import java.util.Locale;

/** Romanian fiscal codes (CUI/CIF). */
public final class FiscalCodes {

    private static final int[] WEIGHTS = {7, 5, 3, 2, 1, 7, 5, 3, 2};

    private FiscalCodes() {
    }

    /** A valid fiscal code made of {@code digits} (1 to 9 digits, no leading zero) and its check digit. */
    public static String withCheckDigit(String digits) {
        if (!digits.matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException("not a fiscal code body: " + digits);
        }
        return digits + checkDigit(digits);
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
        return checkDigit(code.substring(0, code.length() - 1)) == code.charAt(code.length() - 1) - '0' ? code : null;
    }

    private static int checkDigit(String digits) {
        String body = "0".repeat(9 - digits.length()) + digits;
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = sum * 10 % 11;
        return check == 10 ? 0 : check;
    }
}
