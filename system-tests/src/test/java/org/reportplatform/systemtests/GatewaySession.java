package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person signed in at the gateway as a browser does it, with nothing but HTTP: the session
 * cookie ({@value #SESSION}), Spring Security's CSRF cookie ({@value #CSRF_COOKIE}) and the
 * masked CSRF token of a page, which scripts send back in {@value #CSRF_HEADER} on unsafe
 * requests. The CSRF cookie holds the token's secret; any masked form of it read from a page
 * stays valid for as long as the cookie does, so one pair serves every later request.
 *
 * @param session   the value of the session cookie (null: none)
 * @param csrfCookie the value of the CSRF cookie (null: none)
 * @param csrf      the masked CSRF token of a page (null: none)
 */
record GatewaySession(String session, String csrfCookie, String csrf) {

    static final String SESSION = "REPORT_SESSION";
    static final String CSRF_COOKIE = "XSRF-TOKEN";
    static final String CSRF_HEADER = "X-CSRF-TOKEN";
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Signs in as a person does: opens the form, posts email, password and the form's CSRF token
     * with the CSRF cookie, follows the 303, then opens {@code /account} for a fresh CSRF token
     * (the one seen before signing in is worth nothing after).
     */
    static GatewaySession signIn(RawHttp gateway, String email, String password) {
        GatewaySession session = trySignIn(gateway, email, password);
        assertThat(session).as("a session for %s: the form said email or password wrong (401)", email).isNotNull();
        return session;
    }

    /** {@link #signIn}, or null when the form refuses the email and password (401, the form again). */
    static GatewaySession trySignIn(RawHttp gateway, String email, String password) {
        GatewaySession anonymous = anonymous(gateway);
        RawHttp.Answer signedIn = anonymous.postSignInForm(gateway, email, password, anonymous.csrf());
        if (signedIn.status() == 401) {
            return null;
        }
        assertThat(signedIn.status()).as("sign-in of %s: %s", email, signedIn).isEqualTo(303);
        String session = cookie(signedIn, SESSION);
        assertThat(session).as("session cookie of %s", email).isNotBlank();
        String next = signedIn.header("location");
        assertThat(next).as("where the sign-in of %s leads", email).startsWith("/");
        RawHttp.Answer landing = gateway.send("GET", next, Map.of("Cookie", SESSION + "=" + session), null);
        assertThat(landing.status()).as("%s after signing in as %s: %s", next, email, landing).isEqualTo(200);
        RawHttp.Answer account = gateway.send("GET", "/account", Map.of("Cookie", SESSION + "=" + session), null);
        assertThat(account.status()).as("/account of %s: %s", email, account).isEqualTo(200);
        return new GatewaySession(session, cookie(account, CSRF_COOKIE), csrfField(account));
    }

    /**
     * Signs in as a person who has just set their password: at once, in one attempt (the gateway
     * reads the accounts topic to its end before checking a password).
     */
    static GatewaySession signInWithNewPassword(RawHttp gateway, String email, String password) {
        return signIn(gateway, email, password);
    }

    /** A browser that opened the sign-in form: a CSRF cookie and token, no session. */
    static GatewaySession anonymous(RawHttp gateway) {
        RawHttp.Answer form = gateway.get("/signin");
        assertThat(form.status()).as("GET /signin: %s", form).isEqualTo(200);
        return new GatewaySession(null, cookie(form, CSRF_COOKIE), csrfField(form));
    }

    /** This browser with a session cookie nobody was ever given (well-formed: 32 random bytes, base64url). */
    GatewaySession withUnknownSession() {
        byte[] id = new byte[32];
        RANDOM.nextBytes(id);
        return new GatewaySession(Base64.getUrlEncoder().withoutPadding().encodeToString(id), csrfCookie, csrf);
    }

    /** The same cookies with another token in {@value #CSRF_HEADER}. */
    GatewaySession withCsrf(String other) {
        return new GatewaySession(session, csrfCookie, other);
    }

    /** POST /signin as a form, with this browser's cookies and the given {@code _csrf} (null: none). */
    RawHttp.Answer postSignInForm(RawHttp gateway, String email, String password, String csrfField) {
        StringBuilder form = new StringBuilder("username=" + encode(email) + "&password=" + encode(password));
        if (csrfField != null) {
            form.append("&_csrf=").append(encode(csrfField));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        if (!cookieHeader().isEmpty()) {
            headers.put("Cookie", cookieHeader());
        }
        return gateway.send("POST", "/signin", headers, form.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The headers of a script's request in this session: its cookies and the CSRF token. */
    Map<String, String> headers() {
        Map<String, String> headers = headersWithoutCsrf();
        if (csrf != null) {
            headers.put(CSRF_HEADER, csrf);
        }
        return headers;
    }

    /** The cookies alone, as a page of another site could make the browser send them. */
    Map<String, String> headersWithoutCsrf() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (!cookieHeader().isEmpty()) {
            headers.put("Cookie", cookieHeader());
        }
        return headers;
    }

    String cookieHeader() {
        StringBuilder cookies = new StringBuilder();
        if (session != null) {
            cookies.append(SESSION).append('=').append(session);
        }
        if (csrfCookie != null) {
            cookies.append(cookies.isEmpty() ? "" : "; ").append(CSRF_COOKIE).append('=').append(csrfCookie);
        }
        return cookies.toString();
    }

    /** Creates a personal token in this session ({@code POST /api/me/tokens}) and returns it. */
    String createToken(RawHttp gateway, String name, int expiresInDays) {
        Map<String, String> headers = headers();
        headers.put("Content-Type", "application/json");
        RawHttp.Answer created = gateway.send("POST", "/api/me/tokens", headers,
                ("{\"name\": " + ReportApi.quote(name) + ", \"expiresInDays\": " + expiresInDays + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(created.status()).as("POST /api/me/tokens: %s", created).isEqualTo(201);
        String token = JsonPath.read(created.body(), "$.token");
        assertThat(token).startsWith("rpt_");
        return token;
    }

    /**
     * The last value the answer sets for a cookie (null: none). Set-Cookie lines arrive joined by
     * ", " ({@link RawHttp.Answer}); the values of these cookies hold no comma or semicolon, and an
     * Expires date's comma is never followed by a cookie name and "=".
     */
    static String cookie(RawHttp.Answer answer, String name) {
        Matcher matcher = Pattern.compile("(?:^|,\\s*)" + Pattern.quote(name) + "=([^;,]*)").matcher(answer.header("set-cookie"));
        String value = null;
        while (matcher.find()) {
            value = matcher.group(1);
        }
        return value;
    }

    static String csrfField(RawHttp.Answer page) {
        Matcher matcher = CSRF_FIELD.matcher(page.body());
        assertThat(matcher.find()).as("a _csrf field in %s", page).isTrue();
        return matcher.group(1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        // never the cookie values in a test report: they are among the secrets the tests look for
        return "GatewaySession[" + (session == null ? "no session" : "session") + (csrf == null ? "" : ", CSRF token") + "]";
    }
}
