package org.reportplatform.content.accounts;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random values that grant something (invitation links, personal tokens, ids): from one SecureRandom. */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {
    }

    /** 32 random bytes, base64url without padding (43 characters): unguessable, safe in a URL path. */
    public static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** 8 random bytes as 16 lower-case hex characters: an id that says nothing about whom it names. */
    public static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
