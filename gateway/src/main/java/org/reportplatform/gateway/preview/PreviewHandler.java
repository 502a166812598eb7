package org.reportplatform.gateway.preview;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.reportplatform.gateway.live.LiveHandler;
import org.reportplatform.gateway.security.CurrentPerson;
import org.reportplatform.gateway.site.LiveVariant;
import org.reportplatform.gateway.site.SiteEntry;
import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.gateway.ui.Account;
import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.platform.security.Caller;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * A draft's previews, from the view of {@code report.previews.v1}: {@code GET /preview/{edition}/{slug}}
 * (the chapter page as publishing the draft would make it) and {@code /preview/{edition}/{slug}.pdf}
 * (its pages of the report PDF); {@code /preview/{edition}/{language}/{slug}[.pdf]} the same in
 * {@code language} for the draft of the chapter's translation; and {@code GET /api/live/preview?path=...}, what a preview opened
 * with {@code ?live} listens to.
 *
 * <p>Signed-in people and bearer tokens only (the security chain sends the others to the sign-in
 * page, or answers 401); then each request asks content-service whether the caller may read the
 * draft ({@link DraftReaders}): 403 (the French "Accès réservé" page, or a problem for API
 * clients) when not, 404 when the chapter has no open draft. Served with
 * {@code Cache-Control: private, no-store} (a draft is nobody else's business, and changes at every
 * pause of its writer), {@code X-Draft-Revision} (the draft revision the preview shows), and
 * framable by the gateway's own pages only (the studio shows it beside the editor). A preview not
 * rendered yet (a draft just started) is a 503 page that, with {@code ?live}, reloads itself once
 * the preview is there.
 */
public final class PreviewHandler {

    private static final Logger log = LoggerFactory.getLogger(PreviewHandler.class);
    private static final Pattern EDITION = Pattern.compile("\\d{1,18}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final String PREFIX = "/preview/";
    private static final String PDF = ".pdf";

    private final SiteView previews;
    private final DraftReaders readers;
    private final ProblemResponses problems;
    private final LiveHandler live;

    PreviewHandler(SiteView previews, DraftReaders readers, ProblemResponses problems, LiveHandler live) {
        this.previews = previews;
        this.readers = readers;
        this.problems = problems;
        this.live = live;
    }

    /** A preview's address, split; {@code language} null for a chapter's own draft. */
    private record Target(String edition, String language, String slug, String path) {
        static Optional<Target> of(String path) {
            if (!path.startsWith(PREFIX)) {
                return Optional.empty();
            }
            String[] parts = path.substring(PREFIX.length()).split("/", -1);
            if (parts.length != 2 && parts.length != 3) {
                return Optional.empty();
            }
            String language = parts.length == 3 ? parts[1] : null;
            String file = parts[parts.length - 1];
            String slug = file.endsWith(PDF) ? file.substring(0, file.length() - PDF.length()) : file;
            if (!EDITION.matcher(parts[0]).matches() || !SLUG.matcher(slug).matches()
                    || (language != null && !LANGUAGE.matcher(language).matches())) {
                return Optional.empty();
            }
            return Optional.of(new Target(parts[0], language, slug, path));
        }

        /** {@code draft:{edition}/{slug}[/{language}]}, the source-revisions key naming the draft a preview shows. */
        String draftKey() {
            return "draft:" + edition + "/" + slug + (language == null ? "" : "/" + language);
        }

        /** The public page the draft becomes: {@code /{edition}[/{language}]/{slug}}. */
        String publicPath() {
            return "/" + edition + "/" + (language == null ? "" : language + "/") + slug;
        }
    }

    /** {@code GET /preview/{edition}/{slug}} and {@code .pdf}. */
    public Mono<ServerResponse> preview(ServerRequest request) {
        Optional<Target> target = Target.of(request.path());
        if (target.isEmpty()) {
            return problems.response(request.exchange(), HttpStatus.NOT_FOUND,
                    "no preview has this address: /preview/{edition}/{slug} or /preview/{edition}/{language}/{slug}");
        }
        Target t = target.get();
        return allowed(request, t, () -> serve(request, t));
    }

    /** {@code GET /api/live/preview?path=/preview/{edition}/{slug}}: {@code page} events of that preview, for whoever may see it. */
    public Mono<ServerResponse> liveStream(ServerRequest request) {
        Optional<Target> target = request.queryParam("path").flatMap(Target::of);
        if (target.isEmpty()) {
            return problems.response(request.exchange(), HttpStatus.BAD_REQUEST,
                    "path: give the path of the preview to follow, e.g. ?path=/preview/2024/enfants", Map.of(), HttpHeaders.EMPTY);
        }
        Target t = target.get();
        return allowed(request, t, () -> live.pathStream(previews, t.path()));
    }

    private Mono<ServerResponse> allowed(ServerRequest request, Target target, java.util.function.Supplier<Mono<ServerResponse>> then) {
        return CurrentPerson.caller().flatMap(caller -> {
            if (caller.isEmpty()) {
                // The security chain lets nobody anonymous through: this is a configuration error.
                return problems.response(request.exchange(), HttpStatus.UNAUTHORIZED, "sign in to see a draft's preview");
            }
            return readers.check(caller.get(), target.edition(), target.slug(), target.language())
                    .flatMap(answer -> switch (answer) {
                        case ALLOWED -> then.get();
                        case FORBIDDEN -> forbidden(request, caller.get(), target);
                        case NO_DRAFT -> noDraft(request, caller.get(), target);
                    })
                    .onErrorResume(error -> {
                        log.warn("preview {}: could not ask content-service who may read the draft: {}", target.path(), error.toString());
                        return problems.response(request.exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                                "the service that keeps the drafts does not answer; try again shortly");
                    });
        });
    }

    private Mono<ServerResponse> serve(ServerRequest request, Target target) {
        Optional<SiteEntry> found = previews.get(target.path());
        boolean wantsLive = request.queryParams().containsKey("live");
        if (found.isEmpty()) {
            if (!previews.isCaughtUp()) {
                return problems.response(request.exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                        "the previews are still being loaded from the event log; try again in a few seconds");
            }
            return pending(request, target, wantsLive);
        }
        SiteEntry entry = found.get();
        boolean live = wantsLive && LiveVariant.wanted(request, entry);
        byte[] content = live ? LiveVariant.content(entry, liveEvents(target)) : entry.content();
        return ServerResponse.ok()
                .headers(headers -> previewHeaders(headers, entry, target))
                .contentType(entry.contentType())
                .contentLength(content.length)
                .bodyValue(content);
    }

    private static String liveEvents(Target target) {
        return "/api/live/preview?path=" + UriUtils.encodeQueryParam(target.path(), StandardCharsets.UTF_8);
    }

    private static void previewHeaders(HttpHeaders headers, SiteEntry entry, Target target) {
        headers.setCacheControl(CacheControl.noStore().cachePrivate());
        headers.set("X-Content-Type-Options", "nosniff");
        // The studio shows the preview in a frame beside the editor; no other site may frame it.
        headers.set("X-Frame-Options", "SAMEORIGIN");
        headers.set("Referrer-Policy", "same-origin");
        Long revision = entry.provenance().sourceRevisions().get(target.draftKey());
        if (revision != null) {
            headers.set("X-Draft-Revision", Long.toString(revision));
        }
    }

    /** The draft exists but its preview is not rendered yet (it was just started): in a moment. */
    private Mono<ServerResponse> pending(ServerRequest request, Target target, boolean live) {
        if (!wantsHtml(request)) {
            return problems.response(request.exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                    "the preview of this draft is being rendered; try again in a moment");
        }
        return account(request).flatMap(account -> {
            Map<String, Object> model = new HashMap<>();
            model.put("account", account);
            model.put("path", target.path());
            model.put("events", live ? liveEvents(target) : null);
            return page(HttpStatus.SERVICE_UNAVAILABLE, UiPages.render("preview/pending.jte", model), "1");
        });
    }

    private Mono<ServerResponse> forbidden(ServerRequest request, Caller caller, Target target) {
        if (!wantsHtml(request)) {
            return problems.response(request.exchange(), HttpStatus.FORBIDDEN, "the preview of a draft is for the chapter's team,"
                    + " reviewers and admins; the account " + caller.accountId() + " (" + caller.displayName() + ") may not read this draft");
        }
        return account(request).flatMap(account -> page(HttpStatus.FORBIDDEN,
                UiPages.render("forbidden.jte", Map.of("account", account, "path", target.path())), null));
    }

    private Mono<ServerResponse> noDraft(ServerRequest request, Caller caller, Target target) {
        if (!wantsHtml(request)) {
            return problems.response(request.exchange(), HttpStatus.NOT_FOUND,
                    (target.language() == null ? "" : "the " + target.language() + " translation of ") + "chapter " + target.slug()
                            + " of edition " + target.edition() + " has no open draft");
        }
        return account(request).flatMap(account -> page(HttpStatus.NOT_FOUND,
                UiPages.render("preview/missing.jte", Map.of("account", account, "edition", target.edition(), "slug", target.slug(),
                        "published", target.publicPath())), null));
    }

    private static Mono<Account> account(ServerRequest request) {
        return CurrentPerson.account(request.exchange());
    }

    private static Mono<ServerResponse> page(HttpStatusCode status, byte[] html, String retryAfter) {
        return UiPages.respond(status, html, headers -> {
            if (retryAfter != null) {
                headers.set(HttpHeaders.RETRY_AFTER, retryAfter);
            }
        });
    }

    private static boolean wantsHtml(ServerRequest request) {
        try {
            return request.headers().accept().stream().anyMatch(MediaType.TEXT_HTML::equalsTypeAndSubtype);
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }
}
