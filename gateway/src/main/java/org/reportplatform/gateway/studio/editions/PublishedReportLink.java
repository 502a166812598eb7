package org.reportplatform.gateway.studio.editions;

import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.gateway.studio.StudioPages;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The studio's « Voir le rapport publié » ({@code GET /studio/{e}/site}): to the edition's public
 * pages when the site has them, else a page saying the edition is not on the site yet. A prepared
 * edition has no public page until it is published: linking to {@code /{e}/} straight away gave
 * its people a bare 404.
 */
final class PublishedReportLink {

    private final StudioPages pages;
    private final SiteView site;

    PublishedReportLink(StudioPages pages, SiteView site) {
        this.pages = pages;
        this.site = site;
    }

    Mono<ServerResponse> follow(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String index = "/" + edition + "/";
        return pages.forViewer(request, edition, viewer -> site.get(index).isPresent()
                ? StudioPages.seeOther(index)
                : pages.ok("editions/not-public.jte", pages.model(viewer, edition)));
    }
}
