package org.reportplatform.content.references;

import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

@Configuration
class ReferencesConfiguration {

    @Bean
    KnownReferences knownReferences() {
        return new KnownReferences();
    }

    @Bean
    ReferenceTail referenceTail(KnownReferences known, ConsumerFactory<String, Object> consumers) {
        return new ReferenceTail(known, consumers, Duration.ofSeconds(30));
    }
}
