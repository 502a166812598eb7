package org.reportplatform.render;

import org.reportplatform.platform.testing.KafkaBroker;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The tests' clients of the topics of {@link RenderServiceOnBroker}'s service, as a bean of its context: closed with it, before the broker. */
@TestConfiguration(proxyBeanMethods = false)
class TopicClients {

    @Bean(destroyMethod = "close")
    RenderServiceOnBroker.TopicsOfTheTests topicsOfTheTests(KafkaBroker broker) {
        return new RenderServiceOnBroker.TopicsOfTheTests(broker);
    }
}
