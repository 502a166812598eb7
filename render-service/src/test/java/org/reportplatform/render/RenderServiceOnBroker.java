package org.reportplatform.render;

import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.reportplatform.platform.testing.BrokerInTheContext;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The render service on a real broker as the module's source-in, output-out tests use it: one
 * broker and one service for every class that extends this, whatever their number, and the topics
 * as a test writes and reads them ({@link #sources}, {@link #pages}, {@link #documents},
 * {@link #previews}, {@link #accessibility}, {@link #marker}).
 *
 * <p>Spring's test context cache keeps the service between the classes because they share this
 * configuration exactly: a class that needs another setting, a {@code @MockitoBean} or
 * {@code @DirtiesContext} does not extend this. The broker is a bean of that context
 * ({@link BrokerInTheContext}), so it stops after the service's Kafka clients when the cache closes
 * the context (at the end of the run).
 *
 * <p>The classes share the service's state: each test works on editions of its own (each class's
 * comment names them) and counts meters as differences. There is one {@link Marker} for all,
 * as its edition's revisions must keep growing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"report.render.quiet-window=10ms", "report.render.document-window=1s",
                "report.render.document-quiet-window=300ms"})
@AutoConfigureWebTestClient(timeout = "20s")
@ActiveProfiles("demo")
@Import({BrokerInTheContext.class, TopicClients.class})
abstract class RenderServiceOnBroker {

    static SourceTopics sources;
    static TopicWatcher<SpecificRecord> pages;
    static TopicWatcher<SpecificRecord> documents;
    static TopicWatcher<SpecificRecord> previews;
    static TopicWatcher<SpecificRecord> accessibility;
    static Marker marker;

    @Autowired
    KafkaBroker kafka;

    @Autowired
    TopicsOfTheTests topics;

    @BeforeEach
    void connect() {
        topics.open();
        sources = topics.sources;
        pages = topics.pages;
        documents = topics.documents;
        previews = topics.previews;
        accessibility = topics.accessibility;
        marker = topics.marker;
    }

    /** The tests' clients of the broker, opened by the first test (the service creates the topics as it starts). */
    static final class TopicsOfTheTests implements AutoCloseable {

        private final KafkaBroker broker;
        private SourceTopics sources;
        private TopicWatcher<SpecificRecord> pages;
        private TopicWatcher<SpecificRecord> documents;
        private TopicWatcher<SpecificRecord> previews;
        private TopicWatcher<SpecificRecord> accessibility;
        private Marker marker;

        TopicsOfTheTests(KafkaBroker broker) {
            this.broker = broker;
        }

        synchronized void open() {
            if (sources == null) {
                sources = new SourceTopics(broker.bootstrapServers());
                pages = new TopicWatcher<>(broker.bootstrapServers(), Topics.PAGES.name(), new AvroDeserializer());
                documents = new TopicWatcher<>(broker.bootstrapServers(), Topics.DOCUMENTS.name(), new AvroDeserializer());
                previews = new TopicWatcher<>(broker.bootstrapServers(), Topics.PREVIEWS.name(), new AvroDeserializer());
                accessibility = new TopicWatcher<>(broker.bootstrapServers(), Topics.ACCESSIBILITY.name(), new AvroDeserializer());
                marker = new Marker(sources);
            }
        }

        @Override
        public synchronized void close() {
            if (sources != null) {
                sources.close();
                pages.close();
                documents.close();
                previews.close();
                accessibility.close();
            }
        }
    }
}
