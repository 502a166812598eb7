package org.reportplatform.gateway.preview;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.method;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import java.util.List;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.reportplatform.gateway.live.LiveHandler;
import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.gateway.site.SiteViewReader;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The drafts' previews: a second {@link SiteView}, of {@code report.previews.v1} (the public view
 * never holds them, so no public route can serve one), its reader, and the routes
 * {@code /preview/{edition}/{slug}[.pdf]} and {@code /api/live/preview}. The preview view does not
 * hold the replica's readiness: the report is served while previews load (a preview asked for
 * meanwhile is a 503).
 */
@Configuration(proxyBeanMethods = false)
public class PreviewConfiguration {

    static final List<String> TOPICS = List.of(Topics.PREVIEWS.name());

    @Bean
    SiteView previewView() {
        return new SiteView(TOPICS);
    }

    @Bean
    SiteViewReader previewViewReader(ConsumerFactory<?, ?> consumerFactory, @Qualifier("previewView") SiteView view,
            ApplicationEventPublisher events) {
        return new SiteViewReader("gateway-preview-view", consumerFactory, view, TOPICS, events);
    }

    @Bean
    RouterFunction<ServerResponse> previewRoutes(@Qualifier("previewView") SiteView view, Backends backends, ProblemResponses problems,
            LiveHandler live) {
        return routes(view, backends, problems, live);
    }

    /** The routes over a view of the previews (tests bind them alone). */
    static RouterFunction<ServerResponse> routes(SiteView view, Backends backends, ProblemResponses problems, LiveHandler live) {
        PreviewHandler handler = new PreviewHandler(view, new DraftReaders(backends), problems, live);
        return RouterFunctions.route()
                .route(method(HttpMethod.GET).or(method(HttpMethod.HEAD)).and(path("/preview/{edition}/{file}")
                        .or(path("/preview/{edition}/{language}/{file}"))), handler::preview)
                .route(GET("/api/live/preview"), handler::liveStream)
                .build();
    }
}
