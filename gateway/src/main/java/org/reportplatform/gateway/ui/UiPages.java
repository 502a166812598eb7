package org.reportplatform.gateway.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * The gateway's own pages (sign-in, live view, operations), in French like the report: plain
 * HTML, one style sheet and small scripts served from {@code /ui/} ({@link UiAssets}), no
 * framework. Every value put into a page is HTML-escaped here.
 *
 * <p>Served with {@code Cache-Control: no-store} (they show who is signed in and carry the CSRF
 * token) and a strict {@code Content-Security-Policy}: scripts, styles and connections from the
 * gateway only, no inline script, no framing, forms posting to the gateway only.
 */
public final class UiPages {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private UiPages() {
    }

    /** A page of the gateway's own, with the security headers above. */
    public static Mono<ServerResponse> respond(HttpStatusCode status, String html) {
        return ServerResponse.status(status)
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .bodyValue(html);
    }

    /**
     * A whole page.
     *
     * @param title    the document title and heading context (escaped)
     * @param account  HTML for the right of the header bar (who is signed in, sign-out), or empty
     * @param main     HTML of the main content (already escaped by the caller)
     * @param script   the name of a script under {@code /ui/} to load, or null
     */
    public static String page(String title, String account, String main, String script) {
        return page(title, account, main, List.of(), script == null ? List.of() : List.of(script));
    }

    /**
     * A whole page with more style sheets and scripts (names under {@code /ui/}, loaded in order,
     * deferred: after the page is parsed).
     */
    public static String page(String title, String account, String main, List<String> styles, List<String> scripts) {
        StringBuilder head = new StringBuilder();
        styles.forEach(style -> head.append("<link rel=\"stylesheet\" href=\"/ui/").append(escape(style)).append("\">\n"));
        scripts.forEach(script -> head.append("<script src=\"/ui/").append(escape(script)).append("\" defer></script>\n"));
        return """
                <!DOCTYPE html>
                <html lang="fr">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <link rel="stylesheet" href="/ui/gateway.css">
                %s</head>
                <body>
                <header class="bar"><p class="brand"><a href="/">Rapport annuel</a></p>%s</header>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), head, account, main);
    }

    /** Who is signed in, and the sign-out form (POST, with the CSRF token). */
    public static String account(String callerName, String csrfToken) {
        return """
                <form class="account" method="post" action="/signout">\
                <span class="who">Connecté·e : <strong>%s</strong></span>\
                <input type="hidden" name="_csrf" value="%s">\
                <button type="submit" class="link">Se déconnecter</button></form>"""
                .formatted(escape(callerName), escape(csrfToken));
    }

    public static String escape(String text) {
        return text == null ? "" : HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }
}
