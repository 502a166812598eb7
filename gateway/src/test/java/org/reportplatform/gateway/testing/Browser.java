package org.reportplatform.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * A browser, as far as the gateway can tell: it keeps the cookies the gateway sets (session,
 * CSRF), sends them back, and posts forms with the CSRF token of the last page it got.
 */
public final class Browser {

    public static final String SESSION = "REPORT_SESSION";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final WebTestClient http;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private String csrf;

    public Browser(WebTestClient http) {
        this.http = http;
    }

    /** Another browser of the same person: the same cookies, sent to another gateway. */
    public Browser on(WebTestClient other) {
        Browser copy = new Browser(other);
        copy.cookies.putAll(cookies);
        copy.csrf = csrf;
        return copy;
    }

    public String session() {
        return cookies.get(SESSION);
    }

    public String cookie(String name) {
        return cookies.get(name);
    }

    public String csrf() {
        return csrf;
    }

    public Browser withCookie(String name, String value) {
        cookies.put(name, value);
        return this;
    }

    public EntityExchangeResult<String> get(String uri) {
        EntityExchangeResult<String> result = http.get().uri(uri).cookies(c -> cookies.forEach(c::add)).exchange()
                .expectBody(String.class).returnResult();
        keep(result);
        return result;
    }

    public EntityExchangeResult<String> post(String uri, MultiValueMap<String, String> form) {
        EntityExchangeResult<String> result = http.post().uri(uri).cookies(c -> cookies.forEach(c::add))
                .body(BodyInserters.fromFormData(form)).exchange()
                .expectBody(String.class).returnResult();
        keep(result);
        return result;
    }

    /** Opens the sign-in form and posts email and password with its CSRF token. */
    public EntityExchangeResult<String> signIn(String email, String password, String next) {
        EntityExchangeResult<String> form = get("/signin");
        assertThat(form.getStatus().value()).isEqualTo(200);
        MultiValueMap<String, String> fields = new org.springframework.util.LinkedMultiValueMap<>();
        fields.add("username", email);
        fields.add("password", password);
        fields.add("_csrf", csrf);
        if (next != null) {
            fields.add("next", next);
        }
        return post("/signin", fields);
    }

    private void keep(EntityExchangeResult<String> result) {
        for (var entry : result.getResponseCookies().entrySet()) {
            ResponseCookie cookie = entry.getValue().get(entry.getValue().size() - 1);
            if (cookie.getMaxAge().isZero() || cookie.getValue().isEmpty()) {
                cookies.remove(entry.getKey());
            } else {
                cookies.put(entry.getKey(), cookie.getValue());
            }
        }
        if (result.getResponseBody() != null) {
            Matcher matcher = CSRF.matcher(result.getResponseBody());
            if (matcher.find()) {
                csrf = matcher.group(1);
            }
        }
    }
}
