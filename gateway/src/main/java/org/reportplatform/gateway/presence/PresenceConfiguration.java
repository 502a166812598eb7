package org.reportplatform.gateway.presence;

import java.time.Clock;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** Who has a chapter open: the presence topic's view on this replica, and {@link ChapterPresence} over it. */
@Configuration(proxyBeanMethods = false)
public class PresenceConfiguration {

    @Bean
    PresenceView presenceView(ConsumerFactory<?, ?> consumers, Admin observabilityAdmin) {
        return new PresenceView(consumers, observabilityAdmin);
    }

    /** Ready once the presence topic is read, like the sessions: nobody opening a chapter misses who is already there. */
    @Bean
    ApplicationRunner awaitPresenceView(PresenceView view) {
        return arguments -> view.awaitCaughtUp();
    }

    @Bean
    ChapterPresence chapterPresence(PresenceView view, KafkaTemplate<?, ?> kafka, PresenceProperties properties, Clock clock) {
        return new KafkaChapterPresence(view, kafka, properties, clock);
    }
}
