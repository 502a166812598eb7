package org.reportplatform.platform.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.security.CallerArgumentResolver;
import org.reportplatform.platform.security.CallerAssertions;
import org.reportplatform.platform.security.DemoTokens;
import org.reportplatform.platform.security.FirewallConfiguration;
import org.reportplatform.platform.security.ProductionGuard;
import org.reportplatform.platform.security.SecondFactors;
import org.reportplatform.platform.security.SecurityProperties;
import org.reportplatform.platform.security.ServiceSecurityConfiguration;
import org.reportplatform.platform.errors.ApiErrorHandler;
import org.reportplatform.platform.errors.StrictUtf8Bodies;
import org.reportplatform.platform.kafka.KafkaTopicsProperties;
import org.reportplatform.platform.kafka.TopicDefinitions;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.observability.ConsumerGroupLag;
import org.reportplatform.platform.observability.CurrentTraceparent;
import org.reportplatform.platform.observability.KafkaHealthIndicator;
import org.reportplatform.platform.observability.ObservabilityProperties;
import org.reportplatform.platform.observability.CountingProducerListener;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.kafka.core.ConsumerFactory;
import org.reportplatform.platform.leadership.LeadershipProperties;
import org.reportplatform.platform.leadership.WriterLeadership;
import org.reportplatform.platform.leadership.WriterRoleHealthIndicator;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.scheduling.PublicationClock;
import org.reportplatform.platform.scheduling.SchedulingProperties;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultTransactionIdSuffixStrategy;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.type.LogicalType;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * What every service of the platform gets by depending on this module. Before Boot's Kafka
 * auto-configuration: its template takes the platform's producer listener (metrics) instead of
 * its default one.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@Import({ServiceSecurityConfiguration.class, FirewallConfiguration.class})
@EnableConfigurationProperties({SecurityProperties.class, KafkaTopicsProperties.class, ObservabilityProperties.class,
        ChapterProperties.class, SchedulingProperties.class, LeadershipProperties.class})
public class PlatformAutoConfiguration {

    /** A writer service's election of its active instance (docs/scaling.md); its logs wait for it (RevisionBeans). */
    @Configuration(proxyBeanMethods = false)
    @Conditional(ElectsWriter.class)
    static class Leadership {

        @Bean
        WriterLeadership writerLeadership(ConsumerFactory<String, Object> consumers, ObjectProvider<RevisionLog<?>> logs,
                LeadershipProperties properties, Environment environment) {
            return new WriterLeadership(consumers, logs.orderedStream().toList(), properties,
                    WriterLeadership.transactionIdPrefix(environment));
        }

        /** The health contributor {@code writer}: active or standby. */
        @Bean
        WriterRoleHealthIndicator writerHealthIndicator(WriterLeadership leadership) {
            return new WriterRoleHealthIndicator(leadership);
        }
    }

    static class ElectsWriter implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return WriterLeadership.elects(context.getEnvironment());
        }
    }

    @Bean
    KafkaAdmin.NewTopics platformTopics(KafkaTopicsProperties properties) {
        return TopicDefinitions.newTopics(properties);
    }

    @Bean
    DemoTokens demoTokens(SecurityProperties properties, Environment environment) {
        ProductionGuard.check(environment, properties);
        return new DemoTokens(properties);
    }

    @Bean
    SecondFactors secondFactors(SecurityProperties properties, Clock clock) {
        return new SecondFactors(properties, clock);
    }

    @Bean
    CallerAssertions callerAssertions(SecurityProperties properties, Clock clock) {
        return new CallerAssertions(properties, clock);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The time scheduled publications compare with: the system clock, or a clock file for tests (never in prod). */
    @Bean
    PublicationClock publicationClock(SchedulingProperties properties, Clock clock, Environment environment) {
        if (properties.clockFile() == null) {
            return clock::instant;
        }
        if (ProductionGuard.isProduction(environment)) {
            throw new IllegalStateException("the prod profile is active but report.scheduling.clock-file is set: scheduled"
                    + " publications would follow a file, not the time; remove it");
        }
        return PublicationClock.fromFile(properties.clockFile());
    }

    @Bean
    EventMetadataFactory eventMetadataFactory(Clock clock, ObjectProvider<Tracer> tracer) {
        return new EventMetadataFactory(clock, new CurrentTraceparent(tracer));
    }

    /**
     * One admin client for what operators see (Kafka health, consumer group lag), with Boot's
     * connection settings and short timeouts: a check must answer quickly, even "down".
     */
    @Bean(destroyMethod = "close")
    Admin observabilityAdmin(KafkaAdmin kafkaAdmin, ObservabilityProperties properties) {
        Map<String, Object> config = new java.util.HashMap<>(kafkaAdmin.getConfigurationProperties());
        int timeoutMs = (int) Math.max(1000, properties.kafkaHealthTimeout().toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, (int) properties.consumerLagRefresh().toMillis()));
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "observability-admin");
        return Admin.create(config);
    }

    /** The health contributor {@code kafka}, in the readiness group (platform-defaults.yml). */
    @Bean
    KafkaHealthIndicator kafkaHealthIndicator(Admin observabilityAdmin, ObservabilityProperties properties) {
        return new KafkaHealthIndicator(observabilityAdmin, properties.kafkaHealthTimeout(), properties.kafkaHealthCacheFor());
    }

    @Bean
    CountingProducerListener kafkaProducerListener(MeterRegistry meters) {
        return new CountingProducerListener(meters);
    }

    /** The groups of {@code report.observability.consumer-groups}; a service whose group's name is computed declares its own. */
    @Bean
    @ConditionalOnMissingBean
    ConsumerGroupLag consumerGroupLag(Admin observabilityAdmin, ObservabilityProperties properties, MeterRegistry meters) {
        return new ConsumerGroupLag(observabilityAdmin, properties.consumerGroups(), properties.consumerLagRefresh(), meters);
    }

    @Bean
    ApiErrorHandler apiErrorHandler() {
        return new ApiErrorHandler();
    }

    @Bean
    WebFluxConfigurer callerArgument() {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver());
            }
        };
    }

    /** JSON request bodies must be valid UTF-8 (the writers' APIs; the gateway passes bodies on unread). */
    @Bean
    @ConditionalOnMissingClass("org.springframework.cloud.gateway.route.RouteLocator")
    StrictUtf8Bodies strictUtf8Bodies() {
        return new StrictUtf8Bodies();
    }

    /**
     * A writer's transactions always use the same transactional id ({@code <prefix>0}): writes
     * are serialized anyway, and a writer restarted after a crash then fences the transaction
     * its previous run left open at once. With an id per producer ({@code -0, -1, ...} as
     * producers get replaced) the restarted writer would not fence it, and read_committed
     * readers would see nothing past it until the transaction timed out.
     */
    @Bean
    DefaultKafkaProducerFactoryCustomizer singleTransactionalId() {
        return factory -> factory.setTransactionIdSuffixStrategy(new DefaultTransactionIdSuffixStrategy(1));
    }

    /**
     * A request field of the wrong JSON type is refused (400), not coerced: {@code "body": true}
     * would otherwise be stored as the text "true", and a position of 1.5 would become 1.
     * Typed values that may come as a number or a string (figures) are read as JSON nodes.
     */
    @Bean
    JsonMapperBuilderCustomizer strictScalars() {
        return builder -> builder
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Integer, integer -> integer
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail));
    }
}
