package org.reportplatform.gateway.studio.history;

import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The histories of the studio: one implementation for chapters, key figures and datasets, whose
 * APIs have the same shape ({@link HistoryKind}).
 */
@Configuration(proxyBeanMethods = false)
public class HistoryConfiguration {

    @Bean
    RouterFunction<ServerResponse> studioHistoryRoutes(StudioPages pages, Backends backends) {
        return routes(pages, backends);
    }

    /** The routes, also for tests that bind a WebTestClient to them alone. */
    public static RouterFunction<ServerResponse> routes(StudioPages pages, Backends backends) {
        HistoryReader reader = new HistoryReader(backends);
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (HistoryKind kind : HistoryKind.ALL) {
            HistoryHandler handler = new HistoryHandler(kind, pages, reader, backends);
            String base = "/studio/{edition}/" + kind.routeId() + "/historique";
            routes.GET(base, handler::history)
                    .GET(base + "/comparer", handler::compare)
                    .GET(base + "/{revision}/restaurer", handler::confirmRestore)
                    .POST(base + "/{revision}/restaurer", handler::restore);
        }
        return routes.build();
    }
}
