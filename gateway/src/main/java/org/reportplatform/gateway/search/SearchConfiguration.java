package org.reportplatform.gateway.search;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.reportplatform.gateway.site.SiteView;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Search of the public report: the index (fed by the site view's reader), {@code /api/search} and
 * the search pages. The pages' routes come before the site's {@code /{edition}/**}.
 */
@Configuration(proxyBeanMethods = false)
public class SearchConfiguration {

    @Bean(destroyMethod = "close")
    SearchIndex searchIndex(ObjectProvider<MeterRegistry> meters) {
        SearchIndex index = new SearchIndex();
        meters.ifAvailable(registry -> {
            Gauge.builder("report.search.pages", index, SearchIndex::size)
                    .description("Pages in this replica's search index").register(registry);
            Gauge.builder("report.search.index.bytes", index, SearchIndex::bytes)
                    .description("Memory the search index takes (its files in memory and the writer's buffer)")
                    .baseUnit("bytes").register(registry);
        });
        return index;
    }

    @Bean
    ReportSearch reportSearch(SearchIndex index) {
        return new ReportSearch(index);
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    RouterFunction<ServerResponse> searchRoutes(ReportSearch search, SearchIndex index, SiteView view, ProblemResponses problems) {
        SearchHandler handler = new SearchHandler(search, index, view, problems);
        return RouterFunctions.route()
                .route(GET("/api/search"), handler::api)
                .route(GET("/{edition:\\d+}/recherche"), handler::page)
                .route(GET("/{edition:\\d+}/{lang:[a-z]{2,3}}/recherche"), handler::page)
                .build();
    }

    /** {@code searchIndex} in {@code /actuator/health}. */
    @Bean
    HealthIndicator searchIndexHealthIndicator(SearchIndex index) {
        return () -> (index.isReady() ? Health.up() : Health.outOfService())
                .withDetail("pages", index.size())
                .withDetail("skippedPages", index.skipped())
                .build();
    }
}
