package io.vettify.workers.reference;

import java.util.Map;
import java.util.Optional;

/**
 * The reference workers' stand-in for the ANAF and REGES registers: deterministic, documented answers (docs/workers.md),
 * never real company data. For a fiscal code whose checksum is valid:
 * <ul>
 *   <li>the examples below answer as listed;</li>
 *   <li>otherwise a code starting with 8 is unknown (not found);</li>
 *   <li>a code starting with 9 is registered but inactive;</li>
 *   <li>any other code is an active company named {@code FIRMA EXEMPLU <cui> SRL}, a VAT payer when its
 *       second-to-last digit is even, with (digit sum × 7) mod 250 + 1 employees.</li>
 * </ul>
 * A code with a wrong check digit is unknown.
 */
final class TaxpayerRegister {

    record Taxpayer(String cui, String officialName, boolean active, boolean vatPayer, int employees) {
    }

    private static final int[] WEIGHTS = {7, 5, 3, 2, 1, 7, 5, 3, 2};

    /** Example codes with fixed answers (fictitious companies). */
    static final Map<String, Taxpayer> EXAMPLES = Map.of(
            "14399840", new Taxpayer("14399840", "CARPATI TRANSPORT EXEMPLU SRL", true, true, 120),
            "18547290", new Taxpayer("18547290", "DELTA DISTRIBUTIE EXEMPLU SRL", true, false, 35),
            "20000072", new Taxpayer("20000072", "VECHI COMERT EXEMPLU SRL", false, false, 0),
            "90000014", new Taxpayer("90000014", "FIRMA INACTIVA EXEMPLU SRL", false, true, 0));

    private TaxpayerRegister() {
    }

    static Optional<Taxpayer> find(String cui) {
        if (!validChecksum(cui)) {
            return Optional.empty();
        }
        Taxpayer example = EXAMPLES.get(cui);
        if (example != null) {
            return Optional.of(example);
        }
        if (cui.startsWith("8")) {
            return Optional.empty();
        }
        boolean active = !cui.startsWith("9");
        int digitSum = cui.chars().map(c -> c - '0').sum();
        boolean vatPayer = (cui.charAt(cui.length() - 2) - '0') % 2 == 0;
        String name = (active ? "FIRMA EXEMPLU " : "FIRMA INACTIVA ") + cui + " SRL";
        return Optional.of(new Taxpayer(cui, name, active, vatPayer, active ? digitSum * 7 % 250 + 1 : 0));
    }

    static boolean validChecksum(String cui) {
        if (cui == null || !cui.matches("[1-9][0-9]{1,9}")) {
            return false;
        }
        String body = "0".repeat(10 - cui.length()) + cui.substring(0, cui.length() - 1);
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (body.charAt(i) - '0') * WEIGHTS[i];
        }
        int check = sum * 10 % 11;
        return (check == 10 ? 0 : check) == cui.charAt(cui.length() - 1) - '0';
    }
}
