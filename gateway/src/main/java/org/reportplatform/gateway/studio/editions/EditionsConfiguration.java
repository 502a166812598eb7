package org.reportplatform.gateway.studio.editions;

import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.gateway.studio.StudioPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The editions page of the studio ({@code /studio/editions}) and its confirmed actions. */
@Configuration(proxyBeanMethods = false)
public class EditionsConfiguration {

    @Bean
    RouterFunction<ServerResponse> studioEditionsRoutes(StudioPages pages, Backends backends) {
        return routes(pages, backends);
    }

    @Bean
    RouterFunction<ServerResponse> studioPublishedReportRoute(StudioPages pages, SiteView site) {
        return publishedReportRoute(pages, site);
    }

    /** « Voir le rapport publié »: {@link PublishedReportLink}. */
    public static RouterFunction<ServerResponse> publishedReportRoute(StudioPages pages, SiteView site) {
        return RouterFunctions.route().GET("/studio/{edition}/site", new PublishedReportLink(pages, site)::follow).build();
    }

    /** The routes, also for tests that bind a WebTestClient to them alone. */
    public static RouterFunction<ServerResponse> routes(StudioPages pages, Backends backends) {
        EditionsHandler handler = new EditionsHandler(pages, new EditionsApi(backends.content()));
        RouterFunctions.Builder routes = RouterFunctions.route()
                .GET("/studio/editions", handler::page)
                .POST("/studio/editions", handler::prepare);
        EditionSettingsHandler settings = new EditionSettingsHandler(pages, new EditionsApi(backends.content()));
        routes.GET(EditionSettingsHandler.PATH, settings::form).POST(EditionSettingsHandler.PATH, settings::save);
        for (EditionsHandler.Action action : EditionsHandler.Action.values()) {
            String path = "/studio/editions/{edition}/" + action.segment;
            routes.GET(path, request -> handler.confirm(request, action)).POST(path, request -> handler.act(request, action));
        }
        return routes.build();
    }
}
