package io.vettify.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The seeded rows' ids are {@code md5('<kind>:<tid>:<n>')::uuid} in SQL, so the load scenarios can name existing
 * rows without asking the API first. Rows with {@code n % 10 >= 2} are tenant-wide (visible to every token).
 */
public final class SeedIds {

    private SeedIds() {
    }

    public static UUID of(String kind, String tenant, long n) {
        try {
            byte[] md5 = MessageDigest.getInstance("MD5")
                    .digest((kind + ":" + tenant + ":" + n).getBytes(StandardCharsets.UTF_8));
            String hex = HexFormat.of().formatHex(md5);
            return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
