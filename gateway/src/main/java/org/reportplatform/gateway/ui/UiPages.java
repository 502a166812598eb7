package org.reportplatform.gateway.ui;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The gateway's own pages (sign-in, live view, operations), in French like the report: jte
 * templates of {@code src/main/jte}, compiled to classes at build time (no template is read or
 * compiled at run time), every value HTML-escaped by jte; one style sheet and small scripts
 * served from {@code /ui/} ({@link UiAssets}), no framework.
 *
 * <p>Served with {@code Cache-Control: no-store} (they show who is signed in and carry the CSRF
 * token) and a strict {@code Content-Security-Policy}: scripts, styles and connections from the
 * gateway only, no inline script, no framing, forms posting to the gateway only.
 */
public final class UiPages {

    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /** The package the jte plugin compiles the templates into (see the gateway's pom.xml). */
    private static final String TEMPLATES_PACKAGE = "org.reportplatform.gateway.templates";
    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(null, ContentType.Html,
            UiPages.class.getClassLoader(), TEMPLATES_PACKAGE);
    private static final Pattern STYLE_ELEMENT = Pattern.compile("<style[^>]*>(.*?)</style>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

    private UiPages() {
    }

    /** A page of the gateway's own, with the security headers above. */
    public static Mono<ServerResponse> respond(HttpStatusCode status, byte[] html) {
        return respond(status, html, headers -> {
        });
    }

    /** The same, with headers of the caller's (e.g. {@code Retry-After}). */
    public static Mono<ServerResponse> respond(HttpStatusCode status, byte[] html, java.util.function.Consumer<HttpHeaders> extra) {
        return respond(status, html, extra, CONTENT_SECURITY_POLICY);
    }

    /** The same with another policy (see {@link #contentSecurityPolicyWithStyles}). */
    public static Mono<ServerResponse> respond(HttpStatusCode status, byte[] html, String contentSecurityPolicy) {
        return respond(status, html, headers -> {
        }, contentSecurityPolicy);
    }

    /**
     * The pages' policy, with these inline style elements allowed by their hashes
     * ({@code 'sha256-…'}) and nothing else inline: for a page that shows another page in a
     * {@code srcdoc} frame (the studio's preview of a report page), which inherits the policy.
     */
    public static String contentSecurityPolicyWithStyles(java.util.Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return CONTENT_SECURITY_POLICY;
        }
        return CONTENT_SECURITY_POLICY.replace("style-src 'self';", "style-src 'self' " + String.join(" ", hashes) + ";");
    }

    private static Mono<ServerResponse> respond(HttpStatusCode status, byte[] html, java.util.function.Consumer<HttpHeaders> extra,
                                                String contentSecurityPolicy) {
        return ServerResponse.status(status)
                .headers(extra)
                .contentType(HTML)
                .cacheControl(CacheControl.noStore())
                .header("Content-Security-Policy", contentSecurityPolicy)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .bodyValue(html);
    }

    /**
     * The same, written straight to the exchange: for Spring Security's handlers (sign-in refused,
     * access denied), which answer before any handler runs.
     */
    public static Mono<Void> write(ServerWebExchange exchange, HttpStatusCode status, byte[] html) {
        ServerHttpResponse response = exchange.getResponse();
        response.setStatusCode(status);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(HTML);
        headers.setCacheControl(CacheControl.noStore());
        headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("X-Frame-Options", "DENY");
        headers.set("Referrer-Policy", "same-origin");
        return response.writeWith(Mono.just(response.bufferFactory().wrap(html)));
    }

    /**
     * The CSP sources ({@code 'sha256-…'}) of the {@code <style>} elements of {@code html}: what
     * {@link #contentSecurityPolicyWithStyles} needs to allow a report page's own inline style sheet.
     */
    public static Set<String> styleHashes(String html) {
        Set<String> hashes = new LinkedHashSet<>();
        Matcher style = STYLE_ELEMENT.matcher(html);
        while (style.find()) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(style.group(1).getBytes(StandardCharsets.UTF_8));
                hashes.add("'sha256-" + Base64.getEncoder().encodeToString(digest) + "'");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return hashes;
    }

    /** The template {@code name} (e.g. {@code "live.jte"}) rendered with these parameters, as UTF-8. */
    public static byte[] render(String name, Map<String, Object> parameters) {
        Utf8ByteOutput output = new Utf8ByteOutput();
        TEMPLATES.render(name, parameters, output);
        return output.toByteArray();
    }
}
