package org.reportplatform.gateway.studio;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What the studio's pages share: its settings, its French labels and its page renderer. Each part
 * of the studio (home, history, chapters, figures) registers its own routes in its own package.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StudioProperties.class)
public class StudioConfiguration {

    @Bean
    StudioLabels studioLabels(StudioProperties properties) {
        return new StudioLabels(properties);
    }

    @Bean
    StudioPages studioPages(StudioLabels labels, StudioProperties properties) {
        return new StudioPages(labels, properties);
    }
}
