package io.vettify.crm.testing;

/**
 * Romanian fiscal codes for tests, computed with the published algorithm (independently of production code):
 * weights 7,5,3,2,1,7,5,3,2 over the left-zero-padded digits before the check digit, sum * 10 % 11, 10 → 0.
 */
public final class Cuis {

    /** Valid codes, checked by {@link #withCheckDigit}. */
    public static final String CARPATI = "14399840";
    public static final String DELTA = "18547290";

    private static final int[] WEIGHTS = {7, 5, 3, 2, 1, 7, 5, 3, 2};

    private Cuis() {
    }

    /** {@code digits} (1 to 9 digits) followed by their check digit. */
    public static String withCheckDigit(String digits) {
        if (!digits.matches("[1-9][0-9]{0,8}")) {
            throw new IllegalArgumentException(digits);
        }
        String padded = "0".repeat(9 - digits.length()) + digits;
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (padded.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = sum * 10 % 11;
        return digits + (check == 10 ? 0 : check);
    }
}
