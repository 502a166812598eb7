package org.reportplatform.gateway.search;

import java.util.Optional;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.reportplatform.gateway.site.SiteEntry;
import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/search} (JSON) and the search pages {@code /{edition}/recherche},
 * {@code /{edition}/{lang}/recherche} (HTML, working without JavaScript: a form GET). Both answer
 * 503 while the index is still reading the report, like the pages.
 */
final class SearchHandler {

    private final ReportSearch search;
    private final SearchIndex index;
    private final SiteView view;
    private final ProblemResponses problems;

    SearchHandler(ReportSearch search, SearchIndex index, SiteView view, ProblemResponses problems) {
        this.search = search;
        this.index = index;
        this.view = view;
        this.problems = problems;
    }

    Mono<ServerResponse> api(ServerRequest request) {
        if (!index.isReady()) {
            return problems.response(request.exchange(), HttpStatus.SERVICE_UNAVAILABLE, "the search index is still reading the report");
        }
        SearchQuery query = SearchQuery.of(request.queryParam("q").orElse(null), request.queryParam("edition").orElse(null),
                request.queryParam("lang").orElse(null), request.queryParam("page").orElse(null));
        return ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noCache())
                .bodyValue(search.search(query));
    }

    Mono<ServerResponse> page(ServerRequest request) {
        if (!index.isReady()) {
            return problems.response(request.exchange(), HttpStatus.SERVICE_UNAVAILABLE, "the search index is still reading the report");
        }
        String edition = request.pathVariable("edition");
        String language = request.pathVariables().get("lang");
        String indexPath = "/" + edition + "/" + (language == null ? "" : language + "/");
        Optional<SiteEntry> editionIndex = view.get(indexPath).filter(SiteEntry::isHtml);
        Optional<String> pageLanguage = language != null ? Optional.of(language) : index.sourceLanguage(edition);
        if (editionIndex.isEmpty() || pageLanguage.isEmpty() || !index.has(edition, pageLanguage.get())) {
            return problems.response(request.exchange(), HttpStatus.NOT_FOUND, "no published report at " + indexPath);
        }
        String typed = request.queryParam("q").map(String::strip).filter(q -> !q.isEmpty()).orElse(null);
        SearchResults results = null;
        HttpStatus status = HttpStatus.OK;
        if (typed != null) {
            try {
                results = search.search(SearchQuery.of(typed, edition, pageLanguage.get(), request.queryParam("page").orElse(null)));
            } catch (ApiException e) {
                // Too long a query, or a page number out of range: the form again, empty, said to be wrong.
                status = HttpStatus.BAD_REQUEST;
                typed = null;
            }
        }
        byte[] html = SearchPage.render(editionIndex.get(), edition, pageLanguage.get(), typed, results);
        return UiPages.respond(status, html, UiPages.contentSecurityPolicyWithStyles(
                UiPages.styleHashes(new String(html, java.nio.charset.StandardCharsets.UTF_8))));
    }
}
