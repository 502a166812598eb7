package org.reportplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
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

    private static final Duration SETTLE = Duration.ofMillis(700);
    private static final Duration DOCUMENT_SETTLE = Duration.ofMillis(1500);
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
        List<ConsumerRecord<String, SpecificRecord>> first;
        try (ConfigurableApplicationContext app = start();
                SourceTopics sources = new SourceTopics(kafka.bootstrapServers());
                TopicWatcher<SpecificRecord> pages = new TopicWatcher<>(kafka.bootstrapServers(), Topics.PAGES.name(), new AvroDeserializer());
                TopicWatcher<SpecificRecord> documents = new TopicWatcher<>(kafka.bootstrapServers(), Topics.DOCUMENTS.name(),
                        new AvroDeserializer());
                TopicWatcher<byte[]> deadLetters = new TopicWatcher<>(kafka.bootstrapServers(), Topics.CHAPTERS.deadLetterTopic(),
                        new ByteArrayDeserializer())) {
            // Given a service that rendered a report of three chapters and a figure
            sources.chapter("r", "a", 1, "Chapitre A", 1, "{{fig:x}} cas");
            sources.chapter("r", "b", 1, "Chapitre B", 2, "Texte B");
            sources.chapter("r", "c", 1, "Chapitre C", 3, "Texte C");
            sources.indicator("r", "x", 1, IndicatorType.INTEGER, "4445", "cas");
            pages.awaitRecords(edition("r"), records -> shows(records, "/r/a", "4" + NNBSP + "445 cas")
                    && shows(records, "/r/", "Chapitre C") && shows(records, "/r/c", "Chapitre B") && shows(records, "/r/b", "Chapitre C"));
            first = pages.settle(edition("r"), SETTLE);
            documents.awaitRecords(edition("r"), records -> !records.isEmpty());
            int pdfs = documents.settle(edition("r"), DOCUMENT_SETTLE).size();
            app.close();

            // When it starts again with nothing changed
            try (ConfigurableApplicationContext again = start()) {
                // Then it is ready only once the replay and the first full render are done, and publishes nothing (nor the PDF)
                assertThat(again.getBean(ApplicationAvailability.class).getReadinessState()).isEqualTo(ReadinessState.ACCEPTING_TRAFFIC);
                assertThat(pages.settle(edition("r"), SETTLE)).hasSameSizeAs(first);
                assertThat(documents.settle(edition("r"), DOCUMENT_SETTLE)).hasSize(pdfs);
            }

            // When, while it is down, the figure changes and a poison record arrives
            IndicatorChanged change = sources.indicator("r", "x", 2, IndicatorType.INTEGER, "5001", "cas");
            sources.sendRaw(Topics.CHAPTERS.name(), "r/poison", new byte[] {1, 2, 3});
            try (ConfigurableApplicationContext again = start()) {
                // Then exactly the pages showing the figure, and the PDF, are republished, naming the change as their cause
                List<ConsumerRecord<String, SpecificRecord>> after = pages.settle(edition("r"), SETTLE);
                List<ConsumerRecord<String, SpecificRecord>> republished = after.subList(first.size(), after.size());
                assertThat(republished).extracting(ConsumerRecord::key).containsExactlyInAnyOrder("/r/", "/r/a", "/r/chiffres-cles");
                documents.awaitRecords(edition("r"), records -> records.size() > pdfs);
                List<ConsumerRecord<String, SpecificRecord>> pdf = documents.settle(edition("r"), DOCUMENT_SETTLE);
                assertThat(pdf).hasSize(pdfs + 1);
                assertThat(((RenderedOutput) pdf.get(pdfs).value()).getCauses()).containsExactly(change.getMetadata().getEventId());
                assertThat(republished).allSatisfy(r -> assertThat(((RenderedOutput) r.value()).getCauses())
                        .containsExactly(change.getMetadata().getEventId()));
                assertThat(shows(after, "/r/a", "5" + NNBSP + "001 cas")).isTrue();

                // and the poison is dead-lettered
                deadLetters.awaitRecords(key -> key.equals("r/poison"), records -> records.size() == 1);

                // and live events are rendered again
                sources.chapter("r", "c", 2, "Chapitre C révisé", 3, "Texte C");
                pages.awaitRecords(edition("r"), records -> shows(records, "/r/c", "Chapitre C révisé"));
            }

            // When it restarts once more, the poison (already handled) is not dead-lettered again
            try (ConfigurableApplicationContext again = start()) {
                sources.chapter("r", "b", 2, "Chapitre B révisé", 2, "Texte B");
                pages.awaitRecords(edition("r"), records -> shows(records, "/r/b", "Chapitre B révisé"));
                assertThat(deadLetters.settle(key -> key.equals("r/poison"), SETTLE)).hasSize(1);
            }
        }
    }
}
