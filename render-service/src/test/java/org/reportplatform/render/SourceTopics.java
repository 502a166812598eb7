package org.reportplatform.render;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.reportplatform.schemas.AvroSerializer;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.ColumnType;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetColumn;
import org.reportplatform.schemas.DatasetState;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.EditionState;
import org.reportplatform.schemas.EditionStatus;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.IndicatorTexts;
import org.reportplatform.schemas.TranslationChanged;
import org.reportplatform.schemas.TranslationState;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.Topics;

/** Writes source events the way the writers do: Avro single-object encoding, keyed {edition}/{id}. */
public final class SourceTopics implements AutoCloseable {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final KafkaProducer<String, byte[]> raw;

    public SourceTopics(String bootstrapServers) {
        Map<String, Object> config = new HashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(config, new StringSerializer(), new AvroSerializer());
        raw = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    static EventMetadata metadata(String eventId) {
        return EventMetadata.newBuilder()
                .setEventId(eventId)
                .setOccurredAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                .setActor("test")
                .setTraceparent("00-" + eventId.replace("-", "") + "-00f067aa0ba902b7-01")
                .build();
    }

    static String newEventId() {
        return UUID.randomUUID().toString();
    }

    ChapterChanged chapter(String edition, String slug, long revision, String title, int position, String body) {
        return chapter(chapterEvent(edition, slug, revision, title, position, body));
    }

    static ChapterChanged chapterEvent(String edition, String slug, long revision, String title, int position, String body) {
        return ChapterChanged.newBuilder()
                .setMetadata(metadata(newEventId()))
                .setEdition(edition)
                .setSlug(slug)
                .setRevision(revision)
                .setChapter(ChapterState.newBuilder().setTitle(title).setBody(body).setPosition(position)
                        .setOwnerTeam(slug).setLanguage("fr").build())
                .build();
    }

    ChapterChanged chapter(ChapterChanged event) {
        send(Topics.CHAPTERS.name(), event.getEdition() + "/" + event.getSlug(), event);
        return event;
    }

    ChapterChanged deleteChapter(String edition, String slug, long revision) {
        ChapterChanged event = ChapterChanged.newBuilder()
                .setMetadata(metadata(newEventId()))
                .setEdition(edition)
                .setSlug(slug)
                .setRevision(revision)
                .setChapter(null)
                .build();
        send(Topics.CHAPTERS.name(), edition + "/" + slug, event);
        return event;
    }

    IndicatorChanged indicator(String edition, String id, long revision, IndicatorType type, String value, String unit) {
        IndicatorChanged event = indicatorEvent(edition, id, revision, type, value, unit);
        send(Topics.INDICATORS.name(), edition + "/" + id, event);
        return event;
    }

    static IndicatorChanged indicatorEvent(String edition, String id, long revision, IndicatorType type, String value, String unit) {
        return IndicatorChanged.newBuilder()
                .setMetadata(metadata(newEventId()))
                .setEdition(edition)
                .setIndicatorId(id)
                .setRevision(revision)
                .setIndicator(IndicatorState.newBuilder().setLabel("Libellé " + id).setType(type).setValue(value)
                        .setUnit(unit).setPeriod("2024").setSource("Source " + id).setOwnerTeam("team").build())
                .build();
    }

    IndicatorChanged deleteIndicator(String edition, String id, long revision) {
        IndicatorChanged event = IndicatorChanged.newBuilder()
                .setMetadata(metadata(newEventId()))
                .setEdition(edition)
                .setIndicatorId(id)
                .setRevision(revision)
                .setIndicator(null)
                .build();
        send(Topics.INDICATORS.name(), edition + "/" + id, event);
        return event;
    }

    DatasetChanged deleteDataset(String edition, String id, long revision) {
        DatasetChanged event = DatasetChanged.newBuilder()
                .setMetadata(metadata(newEventId()))
                .setEdition(edition)
                .setDatasetId(id)
                .setRevision(revision)
                .setDataset(null)
                .build();
        send(Topics.DATASETS.name(), edition + "/" + id, event);
        return event;
    }

    DatasetChanged dataset(String edition, String id, long revision, String title, List<List<String>> rows) {
        DatasetChanged event = DatasetChanged.newBuilder()
                .setMetadata(metadata(newEventId()))
                .setEdition(edition)
                .setDatasetId(id)
                .setRevision(revision)
                .setDataset(DatasetState.newBuilder().setTitle(title)
                        .setColumns(List.of(new DatasetColumn("label", ColumnType.TEXT), new DatasetColumn("amount", ColumnType.NUMBER)))
                        .setRows(rows).setUnit("CHF").setSource(null).setOwnerTeam("team").build())
                .build();
        send(Topics.DATASETS.name(), edition + "/" + id, event);
        return event;
    }

    /** An edition in French translated into {@code targets}, with an English title. */
    EditionChanged edition(String edition, long revision, EditionStatus status, List<String> targets, boolean staleNotice) {
        EditionChanged event = editionEvent(edition, revision, status, targets, staleNotice);
        send(Topics.EDITIONS.name(), edition, event);
        return event;
    }

    static EditionChanged editionEvent(String edition, long revision, EditionStatus status, List<String> targets, boolean staleNotice) {
        return EditionChanged.newBuilder()
                .setMetadata(metadata(newEventId()))
                .setEdition(edition)
                .setRevision(revision)
                .setState(EditionState.newBuilder().setTitle("Rapport annuel " + edition).setTitles(Map.of("en", "Annual report " + edition))
                        .setSourceLanguage("fr").setTargetLanguages(targets).setStatus(status).setStaleNotice(staleNotice)
                        .setCopiedFrom(null).setPublishedAt(null).setClosedAt(null).build())
                .build();
    }

    TranslationChanged translation(String edition, String slug, String language, long revision, String title, String body,
            long sourceRevision) {
        TranslationChanged event = translationEvent(edition, slug, language, revision, title, body, sourceRevision);
        send(Topics.TRANSLATIONS.name(), edition + "/" + slug + "/" + language, event);
        return event;
    }

    static TranslationChanged translationEvent(String edition, String slug, String language, long revision, String title, String body,
            long sourceRevision) {
        return TranslationChanged.newBuilder()
                .setMetadata(metadata(newEventId()))
                .setEdition(edition)
                .setSlug(slug)
                .setLanguage(language)
                .setRevision(revision)
                .setTranslation(TranslationState.newBuilder().setTitle(title).setBody(body).setSourceRevision(sourceRevision)
                        .setTranslatorTeam(null).build())
                .build();
    }

    /** An indicator with its label in English and Spanish. */
    IndicatorChanged indicatorInLanguages(String edition, String id, long revision, String value, String unit) {
        IndicatorChanged event = indicatorEvent(edition, id, revision, IndicatorType.INTEGER, value, unit);
        event.getIndicator().setTexts(Map.of(
                "en", IndicatorTexts.newBuilder().setLabel("Label " + id).setUnit("cases").setSource("Source (en) " + id).build(),
                "es", IndicatorTexts.newBuilder().setLabel("Etiqueta " + id).setUnit("casos").setSource(null).build()));
        send(Topics.INDICATORS.name(), edition + "/" + id, event);
        return event;
    }

    private boolean buffered;
    private RecordMetadata lastSent;

    /** Sends what {@code events} sends without waiting for each acknowledgement (a burst), then waits for all. */
    void burst(Runnable events) {
        buffered = true;
        try {
            events.run();
        } finally {
            buffered = false;
            producer.flush();
        }
    }

    void send(String topic, String key, SpecificRecord value) {
        send(topic, null, key, value);
    }

    /** Sends to {@code partition} ({@code null}: the key's); waits for the acknowledgement unless in a {@link #burst}. */
    void send(String topic, Integer partition, String key, SpecificRecord value) {
        if (buffered) {
            producer.send(new ProducerRecord<>(topic, partition, key, value));
            return;
        }
        try {
            lastSent = producer.send(new ProducerRecord<>(topic, partition, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    /** Where the last event sent on its own (not in a burst) was written. */
    RecordMetadata lastSent() {
        return lastSent;
    }

    RecordMetadata sendRaw(String topic, String key, byte[] value) {
        try {
            return raw.send(new ProducerRecord<>(topic, key, value)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send to " + topic, e);
        }
    }

    @Override
    public void close() {
        producer.close();
        raw.close();
    }
}
