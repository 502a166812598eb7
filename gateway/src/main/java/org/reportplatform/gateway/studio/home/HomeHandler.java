package org.reportplatform.gateway.studio.home;

import java.util.List;
import java.util.TreeSet;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.platform.security.Caller;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The studio's home ({@code /studio}, {@code /studio/{edition}}): the chapters, key figures and
 * datasets the person's teams own (an admin: all of them), each with its last change and who made
 * it, and links to edit or consult it and to its history. A member also sees the report's other
 * chapters, to consult.
 */
final class HomeHandler {

    private final StudioPages pages;
    private final StudioCatalog catalog;

    HomeHandler(StudioPages pages, StudioCatalog catalog) {
        this.pages = pages;
        this.catalog = catalog;
    }

    /** {@code GET /studio}: the current edition's home. */
    Mono<ServerResponse> current(ServerRequest request) {
        return home(request, pages.properties().currentEdition());
    }

    /** {@code GET /studio/{edition}}. */
    Mono<ServerResponse> edition(ServerRequest request) {
        return home(request, request.pathVariable("edition"));
    }

    private Mono<ServerResponse> home(ServerRequest request, String edition) {
        return pages.forViewer(request, edition, viewer -> {
            Caller caller = viewer.caller();
            return Mono.zip(catalog.chapters(caller, edition), catalog.indicators(caller, edition), catalog.datasets(caller, edition))
                    .flatMap(all -> {
                        boolean admin = caller.isAdmin();
                        List<StudioItems.Chapter> chapters = all.getT1();
                        return pages.ok("home/home.jte", pages.model(viewer, edition)
                                .put("editions", pages.properties().editions())
                                .put("teams", List.copyOf(new TreeSet<>(caller.teams())))
                                .put("chapters", chapters.stream().filter(StudioItems.Chapter::mayEdit).toList())
                                .put("otherChapters", admin ? List.of() : chapters.stream().filter(c -> !c.mayEdit()).toList())
                                .put("indicators", all.getT2().stream().filter(StudioItems.Indicator::mayEdit).toList())
                                .put("datasets", all.getT3().stream().filter(StudioItems.Dataset::mayEdit).toList()));
                    });
        });
    }
}
