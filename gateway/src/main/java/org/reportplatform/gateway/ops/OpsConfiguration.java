package org.reportplatform.gateway.ops;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import org.apache.kafka.clients.admin.Admin;
import org.reportplatform.gateway.ReportGatewayProperties;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.reportplatform.gateway.live.LiveNotices;
import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.gateway.site.SiteViewReader;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The pipeline dashboard: the page {@code /ops} and its figures {@code /api/ops/pipeline}. The
 * rest of {@code /api/ops/**} (rebuild, dead letters) is the render service's, routed.
 */
@Configuration(proxyBeanMethods = false)
public class OpsConfiguration {

    /** Kafka's admin client with Boot's Kafka settings (bootstrap servers, security), closed with the context. */
    @Bean
    LagReader lagReader(KafkaAdmin kafkaAdmin, OpsProperties properties) {
        return new LagReader(Admin.create(kafkaAdmin.getConfigurationProperties()), properties.checkTimeout());
    }

    @Bean
    RouterFunction<ServerResponse> opsRoutes(ProblemResponses problems,
            ReportGatewayProperties gateway, OpsProperties properties, LagReader lag, SiteView view, SiteViewReader reader,
            LiveNotices notices, ApplicationAvailability availability, ObjectProvider<BuildProperties> build,
            ConsumerFactory<?, ?> consumers) {
        PipelineHandler pipeline = new PipelineHandler(problems, gateway, properties,
                new ServiceProbe(properties.checkTimeout()), lag,
                new RecentEvents(consumers, properties.checkTimeout()), view, reader, notices, availability, build.getIfAvailable());
        OpsPage page = new OpsPage();
        return RouterFunctions.route()
                .route(GET("/ops"), page::page)
                .route(GET("/api/ops/pipeline"), pipeline::pipeline)
                .build();
    }
}
