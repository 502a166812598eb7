package org.reportplatform.render;

import org.reportplatform.platform.testing.KafkaBroker;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * The broker of {@link RenderServiceOnBroker}'s service as a bean of the service's test context: it
 * lives as long as the context (Spring's test context cache keeps it for every class that shares the
 * configuration), and stops after the service's Kafka clients when the context closes.
 */
@TestConfiguration(proxyBeanMethods = false)
class BrokerOfTheService {

    @Bean(destroyMethod = "stop")
    KafkaBroker kafkaBroker() {
        KafkaBroker broker = new KafkaBroker();
        broker.start();
        return broker;
    }

    // Registrars are applied before any other bean is created: the service's Kafka clients
    // find the broker's address, and the broker is destroyed after them.
    @Bean
    DynamicPropertyRegistrar kafkaAddress(KafkaBroker broker) {
        return broker::register;
    }

    @Bean(destroyMethod = "close")
    RenderServiceOnBroker.TopicsOfTheTests topicsOfTheTests(KafkaBroker broker) {
        return new RenderServiceOnBroker.TopicsOfTheTests(broker);
    }
}
