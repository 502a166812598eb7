package org.reportplatform.gateway.site;

import static org.springframework.web.reactive.function.server.RequestPredicates.method;
import static org.springframework.web.reactive.function.server.RequestPredicates.path;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The served report: the view of the rendered topics, the reader that keeps it current, and the
 * routes {@code /}, {@code /{edition}}, {@code /{edition}/**} (edition = digits, so nothing
 * here can shadow {@code /api/**} or a later feature's paths; a language's pages are
 * {@code /{edition}/{lang}/…}) and {@code /editions}.
 */
@Configuration(proxyBeanMethods = false)
public class SiteConfiguration {

    /** The topics the site is served from, in lookup order. */
    static final List<String> TOPICS = List.of(Topics.PAGES.name(), Topics.DOCUMENTS.name());

    private static final RequestPredicate GET_OR_HEAD = method(HttpMethod.GET).or(method(HttpMethod.HEAD));

    /** The public report's view: primary, so that a view of other topics (the previews) is only ever injected by name. */
    @Bean
    @Primary
    SiteView siteView(ObjectProvider<SiteView.Listener> listeners) {
        return new SiteView(TOPICS, listeners.orderedStream().toList());
    }

    @Bean
    @Primary
    SiteViewReader siteViewReader(ConsumerFactory<?, ?> consumerFactory, SiteView view, ApplicationEventPublisher events) {
        return new SiteViewReader(consumerFactory, view, TOPICS, events);
    }

    /**
     * Spring Boot publishes ACCEPTING_TRAFFIC only after the application runners: holding this
     * one until the initial read is done keeps the replica out of rotation until then, while the
     * web server (and liveness) are already up.
     */
    @Bean
    ApplicationRunner awaitSiteView(SiteViewReader reader) {
        return arguments -> reader.awaitCaughtUp();
    }

    @Bean
    RouterFunction<ServerResponse> siteRoutes(SiteView view, ProblemResponses problems) {
        SiteHandler handler = new SiteHandler(view, problems);
        return RouterFunctions.route()
                .route(GET_OR_HEAD.and(path("/")), handler::newestEdition)
                .route(GET_OR_HEAD.and(path("/{edition:\\d+}")), handler::editionWithoutSlash)
                .route(GET_OR_HEAD.and(path("/{edition:\\d+}/**")), handler::output)
                // The list of public editions, rendered by the render service like any page.
                .route(GET_OR_HEAD.and(path("/editions")), handler::output)
                .build();
    }

    /** Plain page requests answered in the server's pipeline, before WebFlux (the hot path). */
    @Bean
    FastPages fastPages(SiteView view, ObjectProvider<ServerProperties> server, ObjectProvider<MeterRegistry> meters) {
        ServerProperties properties = server.getIfAvailable();
        FastPages fastPages = new FastPages(view, properties == null ? null : properties.getCompression());
        meters.ifAvailable(registry -> FunctionCounter.builder("report.gateway.pages.fast", fastPages, FastPages::served)
                .description("Page and document requests answered by the fast path (not in http.server.requests)")
                .register(registry));
        return fastPages;
    }

    /** {@code siteView} in {@code /actuator/health}: what this replica holds. */
    @Bean
    HealthIndicator siteViewHealthIndicator(SiteView view, SiteViewReader reader) {
        return () -> {
            Health.Builder health = view.isCaughtUp() ? Health.up() : Health.outOfService();
            TOPICS.forEach(topic -> health.withDetail(topic, view.size(topic)));
            view.newestEdition().ifPresent(edition -> health.withDetail("newestEdition", edition));
            return health.withDetail("caughtUp", view.isCaughtUp())
                    .withDetail("skippedRecords", reader.skippedRecords())
                    .build();
        };
    }
}
