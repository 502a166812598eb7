package org.reportplatform.gateway.live;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.reportplatform.gateway.errors.ProblemResponses;
import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.gateway.ui.UiAssets;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The live stream ({@code /api/live}, {@code /api/live/page}), the live view ({@code /live}) and the pages' files ({@code /ui/}). */
@Configuration(proxyBeanMethods = false)
public class LiveConfiguration {

    @Bean
    LiveNotices liveNotices(SiteView view, LiveProperties properties) {
        return new LiveNotices(view, properties);
    }

    @Bean
    LiveHandler liveHandler(LiveNotices notices, SiteView view, ProblemResponses problems, LiveProperties properties) {
        return new LiveHandler(notices, view, problems, properties);
    }

    @Bean
    RouterFunction<ServerResponse> liveRoutes(LiveHandler live) {
        UiAssets assets = new UiAssets();
        return RouterFunctions.route()
                .route(GET("/api/live"), live::stream)
                .route(GET("/api/live/page"), live::pageStream)
                .route(GET("/live"), live::livePage)
                .route(GET("/ui/{name}"), assets::serve)
                .build();
    }
}
