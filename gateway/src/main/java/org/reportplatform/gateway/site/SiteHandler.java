package org.reportplatform.gateway.site;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.UriUtils;
import reactor.core.publisher.Mono;

/**
 * Serves the report from the {@link SiteView}: the stored bytes and content type, a strong ETag
 * (the SHA-256), 304 on a matching {@code If-None-Match}, and {@code Cache-Control: no-cache}
 * because any page can change at any moment. Never blocks: every answer comes from memory.
 *
 * <p>A miss is a 404 problem (an HTML page for browsers), or a 503 while the initial read is
 * still running: the page may simply not have been read yet.
 */
public class SiteHandler {

    private static final String NOSNIFF = "nosniff";

    private final SiteView view;
    private final ProblemResponses problems;

    public SiteHandler(SiteView view, ProblemResponses problems) {
        this.view = view;
        this.problems = problems;
    }

    /** {@code GET /}: 302 to the index of the newest edition, so relative links in it resolve. */
    public Mono<ServerResponse> newestEdition(ServerRequest request) {
        Optional<String> newest = view.newestEdition();
        if (newest.isEmpty()) {
            return missing(request, "no edition of the report is published yet");
        }
        return ServerResponse.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, "/" + newest.get() + "/")
                .cacheControl(CacheControl.noCache())
                .build();
    }

    /** {@code GET /{edition}}: 301 to {@code /{edition}/} when that edition is published. */
    public Mono<ServerResponse> editionWithoutSlash(ServerRequest request) {
        if (view.get(request.path() + "/").isEmpty()) {
            return missing(request, "nothing is published at " + request.path());
        }
        return withSlash(request);
    }

    /** 301 to the same path with a slash (an index page), the query kept. */
    private static Mono<ServerResponse> withSlash(ServerRequest request) {
        String index = request.path() + "/";
        String query = request.uri().getRawQuery();
        return ServerResponse.status(HttpStatus.MOVED_PERMANENTLY)
                .header(HttpHeaders.LOCATION, query == null ? index : index + "?" + query)
                .build();
    }

    /**
     * {@code GET /{edition}/...}: the output stored at that path; with {@code ?live}, an HTML page
     * gets the reload script ({@link LiveVariant}). A document (not text) answers a single byte
     * {@code Range} with 206 (or 416), honouring {@code If-Range}; other range requests get it whole.
     */
    public Mono<ServerResponse> output(ServerRequest request) {
        Optional<SiteEntry> found = lookup(request);
        if (found.isEmpty()) {
            if (!request.path().endsWith("/") && view.get(request.path() + "/").isPresent()) {
                // A language's index without its slash (/2024/en): redirected where its relative links resolve.
                return withSlash(request);
            }
            return missing(request, "nothing is published at " + request.path());
        }
        SiteEntry entry = found.get();
        boolean live = LiveVariant.wanted(request, entry);
        String etag = live ? LiveVariant.etag(entry) : entry.etag();
        if (EntityTags.noneMatchFails(request.headers().header(HttpHeaders.IF_NONE_MATCH), etag)) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED)
                    .headers(headers -> commonHeaders(headers, entry, etag))
                    .build();
        }
        if (!entry.isText() && request.method() == HttpMethod.GET) {
            Mono<ServerResponse> partial = ByteRanges.partial(request, entry, headers -> commonHeaders(headers, entry, etag));
            if (partial != null) {
                return partial;
            }
        }
        byte[] content = live ? LiveVariant.content(entry) : entry.content();
        return ServerResponse.ok()
                .headers(headers -> commonHeaders(headers, entry, etag))
                .contentType(entry.contentType())
                .contentLength(content.length)
                .bodyValue(content);
    }

    private Optional<SiteEntry> lookup(ServerRequest request) {
        String raw = request.requestPath().pathWithinApplication().value();
        Optional<SiteEntry> entry = view.get(raw);
        if (entry.isEmpty() && raw.indexOf('%') >= 0) {
            entry = view.get(UriUtils.decode(raw, StandardCharsets.UTF_8));
        }
        return entry;
    }

    private static void commonHeaders(HttpHeaders headers, SiteEntry entry, String etag) {
        headers.setETag(etag);
        headers.setCacheControl(CacheControl.noCache());
        headers.set("X-Content-Type-Options", NOSNIFF);
        if (entry.isText()) {
            // Text is compressed when the client accepts it (server.compression).
            headers.setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
        } else {
            headers.set(HttpHeaders.ACCEPT_RANGES, "bytes");
        }
    }

    private Mono<ServerResponse> missing(ServerRequest request, String detail) {
        if (!view.isCaughtUp()) {
            return problems.response(request.exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                    "the report is still being loaded from the event log; try again in a few seconds");
        }
        return problems.response(request.exchange(), HttpStatus.NOT_FOUND, detail);
    }
}
