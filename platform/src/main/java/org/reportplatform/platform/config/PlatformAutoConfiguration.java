package org.reportplatform.platform.config;

import java.time.Clock;
import org.reportplatform.platform.auth.AuthProperties;
import org.reportplatform.platform.auth.CallerArgumentResolver;
import org.reportplatform.platform.auth.DemoTokenGuard;
import org.reportplatform.platform.auth.TokenAuthenticator;
import org.reportplatform.platform.errors.ApiErrorHandler;
import org.reportplatform.platform.kafka.KafkaTopicsProperties;
import org.reportplatform.platform.kafka.TopicDefinitions;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/** What every service of the platform gets by depending on this module. */
@AutoConfiguration
@EnableConfigurationProperties({AuthProperties.class, KafkaTopicsProperties.class})
public class PlatformAutoConfiguration {

    @Bean
    KafkaAdmin.NewTopics platformTopics(KafkaTopicsProperties properties) {
        return TopicDefinitions.newTopics(properties);
    }

    @Bean
    TokenAuthenticator tokenAuthenticator(AuthProperties properties, Environment environment) {
        DemoTokenGuard.check(environment, properties);
        return new TokenAuthenticator(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EventMetadataFactory eventMetadataFactory(Clock clock) {
        return new EventMetadataFactory(clock);
    }

    @Bean
    ApiErrorHandler apiErrorHandler() {
        return new ApiErrorHandler();
    }

    @Bean
    WebFluxConfigurer callerArgument(TokenAuthenticator authenticator) {
        return new WebFluxConfigurer() {
            @Override
            public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                configurer.addCustomResolver(new CallerArgumentResolver(authenticator));
            }
        };
    }
}
