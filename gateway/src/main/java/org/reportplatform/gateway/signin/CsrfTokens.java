package org.reportplatform.gateway.signin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.web.server.WebSession;

/**
 * Synchronizer tokens against cross-site request forgery: a random token kept in the session,
 * put in every form as a hidden field, and compared (in constant time) on every POST. A POST
 * whose token is missing or different is refused with 403 before anything else is looked at.
 * (The session cookie is also {@code SameSite=Strict}: a second, independent defence.)
 */
public final class CsrfTokens {

    /** The form field (and session attribute) that carries the token. */
    public static final String FIELD = "_csrf";
    private static final String ATTRIBUTE = "report.csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfTokens() {
    }

    /** The session's token, created (which starts the session) if it has none. */
    public static String of(WebSession session) {
        String token = session.getAttribute(ATTRIBUTE);
        return token != null ? token : rotate(session);
    }

    /** A new token for the session (at sign-in: a token seen before it is worth nothing after). */
    static String rotate(WebSession session) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        session.getAttributes().put(ATTRIBUTE, token);
        return token;
    }

    static boolean matches(WebSession session, String submitted) {
        String expected = session.getAttribute(ATTRIBUTE);
        return expected != null && submitted != null && MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }
}
