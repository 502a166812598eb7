package org.reportplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The render service's state is a view rebuilt from the log: stopped and started again, it
 * republishes only what changed while it was down, and dead-letters a poison record once.
 */
class RestartTest {

    private static final String NNBSP = "\u202F";

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private ConfigurableApplicationContext start() {
        // Command-line arguments: they override application.yml (default properties would not)
        return new SpringApplicationBuilder(RenderServiceApplication.class)
                .run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0",
                        "--report.render.quiet-window=10ms", "--spring.main.banner-mode=off");
    }

    private static Predicate<String> edition(String edition) {
        return key -> key.startsWith("/" + edition + "/");
    }

    private static boolean shows(List<ConsumerRecord<String, SpecificRecord>> records, String path, String text) {
        return records.stream().anyMatch(r -> r.key().equals(path) && r.value() != null && html(r).contains(text));
    }

    private static String html(ConsumerRecord<String, SpecificRecord> record) {
        java.nio.ByteBuffer content = ((RenderedOutput) record.value()).getContent().duplicate();
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void a_restart_republishes_only_what_changed_while_the_service_was_down() {
        try (ConfigurableApplicationContext app = start();
                SourceTopics sources = new SourceTopics(kafka.bootstrapServers());
                TopicWatcher<SpecificRecord> pages = new TopicWatcher<>(kafka.bootstrapServers(), Topics.PAGES.name(), new AvroDeserializer());
                TopicWatcher<SpecificRecord> documents = new TopicWatcher<>(kafka.bootstrapServers(), Topics.DOCUMENTS.name(),
                        new AvroDeserializer());
                TopicWatcher<byte[]> deadLetters = new TopicWatcher<>(kafka.bootstrapServers(), Topics.CHAPTERS.deadLetterTopic(),
                        new ByteArrayDeserializer())) {
            Marker marker = new Marker(sources);
            // Given a service that rendered a report of three chapters and a figure
            sources.chapter("r", "a", 1, "Chapitre A", 1, "{{fig:x}} cas");
            sources.chapter("r", "b", 1, "Chapitre B", 2, "Texte B");
            sources.chapter("r", "c", 1, "Chapitre C", 3, "Texte C");
            sources.indicator("r", "x", 1, IndicatorType.INTEGER, "4445", "cas");
            pages.awaitRecords(edition("r"), records -> shows(records, "/r/a", "4" + NNBSP + "445 cas")
                    && shows(records, "/r/", "Chapitre C") && shows(records, "/r/c", "Chapitre B") && shows(records, "/r/b", "Chapitre C"));
            documents.awaitRecords(edition("r"), records -> !records.isEmpty());
            marker.pages(sources.lastSent(), pages);
            marker.documents(sources.lastSent(), documents);
            app.close();
            int pagesBefore = pages.readToEnd();
            int pdfs = documents.records(edition("r")).size();

            // When it starts again with nothing changed
            try (ConfigurableApplicationContext again = start()) {
                // Then it is ready only once the replay and the first full render are done, and publishes nothing (nor the PDF)
                assertThat(again.getBean(ApplicationAvailability.class).getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
                marker.pages(null, pages);
                assertThat(Marker.since(pages, pagesBefore, edition("r"))).isEmpty();
                marker.documents(null, documents);
                assertThat(documents.records(edition("r"))).hasSize(pdfs);
            }

            // When, while it is down, the figure changes and a poison record arrives
            pagesBefore = pages.readToEnd();
            IndicatorChanged change = sources.indicator("r", "x", 2, IndicatorType.INTEGER, "5001", "cas");
            RecordMetadata poison = sources.sendRaw(Topics.CHAPTERS.name(), "r/poison", new byte[] {1, 2, 3});
            try (ConfigurableApplicationContext again = start()) {
                // Then exactly the pages showing the figure, and the PDF, are republished, naming the change as their cause
                marker.pages(null, pages);
                List<ConsumerRecord<String, SpecificRecord>> republished = Marker.since(pages, pagesBefore, edition("r"));
                assertThat(republished).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("/r/", "/r/a", "/r/chiffres-cles");
                assertThat(republished).allSatisfy(r -> assertThat(((RenderedOutput) r.value()).getCauses())
                        .containsExactly(change.getMetadata().getEventId()));
                assertThat(shows(republished, "/r/a", "5" + NNBSP + "001 cas")).isTrue();
                marker.documents(null, documents);
                List<ConsumerRecord<String, SpecificRecord>> pdf = documents.records(edition("r"));
                assertThat(pdf).hasSize(pdfs + 1);
                assertThat(((RenderedOutput) pdf.get(pdfs).value()).getCauses()).containsExactly(change.getMetadata().getEventId());

                // and the poison is dead-lettered
                deadLetters.awaitRecords(key -> key.equals("r/poison"), records -> records.size() == 1);

                // and live events are rendered again
                sources.chapter("r", "c", 2, "Chapitre C révisé", 3, "Texte C");
                pages.awaitRecords(edition("r"), records -> shows(records, "/r/c", "Chapitre C révisé"));
            }

            // When it restarts once more, the poison (already handled) is not dead-lettered again: a marker on the
            // poison's partition is rendered only once the listener has passed the poison's offset, and a record is
            // dead-lettered (acknowledged) before the listener goes on to the next
            try (ConfigurableApplicationContext again = start()) {
                sources.chapter("r", "b", 2, "Chapitre B révisé", 2, "Texte B");
                pages.awaitRecords(edition("r"), records -> shows(records, "/r/b", "Chapitre B révisé"));
                marker.pages(poison, pages);
                deadLetters.readToEnd();
                assertThat(deadLetters.records(key -> key.equals("r/poison"))).hasSize(1);
            }
        }
    }
}
