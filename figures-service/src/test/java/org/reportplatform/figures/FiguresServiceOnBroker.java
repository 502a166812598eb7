package org.reportplatform.figures;

import org.reportplatform.platform.testing.BrokerInTheContext;
import org.reportplatform.platform.testing.KafkaBroker;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * figures-service on a real broker over real HTTP, as its API tests use it: one broker and one
 * service for every class that extends this. Spring's test context cache keeps the service between
 * the classes because they share this configuration exactly; a class that needs another setting
 * (a clock file, the demo loaded) does not extend this. The broker is a bean of the context
 * ({@link BrokerInTheContext}).
 *
 * <p>The classes share the service's state: each test works on editions of its own, which no other
 * class uses (each class's comment names them).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("demo")
@Import(BrokerInTheContext.class)
public abstract class FiguresServiceOnBroker {

    @Autowired
    protected KafkaBroker kafka;
}
