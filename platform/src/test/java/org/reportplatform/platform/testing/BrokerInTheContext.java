package org.reportplatform.platform.testing;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * A real broker ({@link KafkaBroker}) as a bean of a Spring Boot test's context, for test classes
 * that share one context through Spring's test context cache: it starts with the context, the
 * context's Kafka clients find it ({@code spring.kafka.bootstrap-servers}), and it stops after them
 * when the cache closes the context, at the end of the run. A class with a context of its own
 * registers {@link KafkaBroker} as a JUnit extension instead.
 *
 * <pre>
 * &#64;SpringBootTest(...) &#64;Import(BrokerInTheContext.class)
 * abstract class ServiceOnBroker { &#64;Autowired KafkaBroker kafka; }
 * </pre>
 */
@TestConfiguration(proxyBeanMethods = false)
public class BrokerInTheContext {

    @Bean(destroyMethod = "stop")
    KafkaBroker kafkaBroker() {
        KafkaBroker broker = new KafkaBroker();
        broker.start();
        return broker;
    }

    // Registrars are applied before the other beans are created: the service's Kafka clients find
    // the broker's address, and the broker, created first, is destroyed last.
    @Bean
    DynamicPropertyRegistrar kafkaBrokerAddress(KafkaBroker broker) {
        return broker::register;
    }
}
