package org.reportplatform.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.generic.GenericRecordBuilder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

class AvroSerdeTest {

    private final AvroSerializer serializer = new AvroSerializer();
    private final AvroDeserializer deserializer = new AvroDeserializer();

    @Test
    void aChapterEventSurvivesTheRoundTripWithItsFrenchText() {
        ChapterChanged event = chapter("defenseurs", "Défenseur.e.s des droits humains",
                "« Œuvrer » pour les défenseur.e.s, aujourd’hui.");

        SpecificRecord read = roundTrip(Topics.CHAPTERS, event);

        assertThat(read).isEqualTo(event);
        assertThat(((ChapterChanged) read).getChapter().getTitle()).isEqualTo("Défenseur.e.s des droits humains");
    }

    @Test
    void everyTopicsValueTypeSurvivesTheRoundTrip() {
        RenderedOutput page = RenderedOutput.newBuilder()
                .setPath("/2024/defenseurs").setEdition("2024").setContentType("text/html; charset=utf-8")
                .setContent(ByteBuffer.wrap("<h1>Défenseur.e.s</h1>".getBytes(StandardCharsets.UTF_8)))
                .setSha256("ab").setSourceRevisions(Map.of("chapter:2024/defenseurs", 3L)).setCauses(List.of("e1"))
                .setSourceChangedAt(Instant.ofEpochMilli(1000)).setPublishedAt(Instant.ofEpochMilli(1040)).build();
        IndicatorChanged indicator = IndicatorChanged.newBuilder().setMetadata(metadata()).setEdition("2024")
                .setIndicatorId("sos-defenders.cases").setRevision(1)
                .setIndicator(IndicatorState.newBuilder().setLabel("Cas documentés").setType(IndicatorType.INTEGER)
                        .setValue("4445").setOwnerTeam("defenseurs").build()).build();

        assertThat(roundTrip(Topics.PAGES, page)).isEqualTo(page);
        assertThat(roundTrip(Topics.INDICATORS, indicator)).isEqualTo(indicator);
    }

    @Test
    void aChapterEventWrittenWithVersion1IsReadWithTheCurrentSchema() throws IOException {
        Schema v1 = SchemaCatalog.get().versionsOf(ChapterChanged.class).get(0);
        GenericRecord oldEvent = v1ChapterEvent(v1);
        byte[] writtenByV1 = toBytes(new BinaryMessageEncoder<GenericRecord>(GenericData.get(), v1).encode(oldEvent));

        ChapterChanged read = (ChapterChanged) deserializer.deserialize(Topics.CHAPTERS.name(), writtenByV1);

        assertThat(read.getSlug()).isEqualTo("migrants");
        assertThat(read.getChapter().getTitle()).isEqualTo("Les migrant.e.s");
        assertThat(read.getChapter().getLanguage()).as("default of the field added in v2").isEqualTo("fr");
    }

    @Test
    void bytesWithoutTheAvroMarkerAreRefusedWithAClearError() {
        byte[] json = "{\"slug\":\"defenseurs\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.CHAPTERS.name(), json))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("not an Avro single-object encoded event")
                .hasMessageContaining("7b 22 73");
    }

    @Test
    void anEventWithAnUnknownSchemaFingerprintIsRefusedWithAClearError() {
        byte[] unknown = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN)
                .put((byte) 0xC3).put((byte) 0x01).putLong(0x1234_5678_9abc_def0L).put((byte) 0).put((byte) 0).array();

        assertThatThrownBy(() -> deserializer.deserialize(Topics.INDICATORS.name(), unknown))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("unknown schema (fingerprint 123456789abcdef0)");
    }

    @Test
    void anEventOfAnotherTypeOnATopicIsRefused() {
        byte[] chapterBytes = serializer.serialize(Topics.CHAPTERS.name(), chapter("enfants", "Enfants", "Texte."));

        assertThatThrownBy(() -> deserializer.deserialize(Topics.PAGES.name(), chapterBytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("is a ChapterChanged, but this topic carries RenderedOutput");
    }

    @Test
    void aTruncatedEventIsRefusedAsCorrupt() {
        byte[] full = serializer.serialize(Topics.CHAPTERS.name(), chapter("enfants", "Enfants", "Un texte assez long."));
        byte[] truncated = java.util.Arrays.copyOf(full, full.length - 8);

        assertThatThrownBy(() -> deserializer.deserialize(Topics.CHAPTERS.name(), truncated))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("corrupt ChapterChanged");
    }

    @Test
    void aTombstoneStaysNull() {
        assertThat(serializer.serialize(Topics.PAGES.name(), null)).isNull();
        assertThat(deserializer.deserialize(Topics.PAGES.name(), null)).isNull();
    }

    private SpecificRecord roundTrip(Topic<?> topic, SpecificRecord event) {
        return deserializer.deserialize(topic.name(), serializer.serialize(topic.name(), event));
    }

    private static EventMetadata metadata() {
        return EventMetadata.newBuilder().setEventId("6f1c9a57-0000-4000-8000-000000000001")
                .setOccurredAt(Instant.parse("2025-03-01T10:15:30Z")).setActor("defenseurs").build();
    }

    private static ChapterChanged chapter(String slug, String title, String body) {
        return ChapterChanged.newBuilder().setMetadata(metadata()).setEdition("2024").setSlug(slug).setRevision(4)
                .setChapter(ChapterState.newBuilder().setTitle(title).setBody(body).setPosition(3)
                        .setOwnerTeam(slug).setLanguage("fr").build())
                .build();
    }

    private static GenericRecord v1ChapterEvent(Schema v1) {
        Schema metadataSchema = v1.getField("metadata").schema();
        Schema stateSchema = v1.getField("chapter").schema().getTypes().get(1);
        return new GenericRecordBuilder(v1)
                .set("metadata", new GenericRecordBuilder(metadataSchema).set("eventId", "e-v1")
                        .set("occurredAt", 1_700_000_000_000L).set("actor", "migrants").set("traceparent", null).build())
                .set("edition", "2024").set("slug", "migrants").set("revision", 1L)
                .set("chapter", new GenericRecordBuilder(stateSchema).set("title", "Les migrant.e.s")
                        .set("body", "Texte.").set("position", 8).set("ownerTeam", "migrants").build())
                .build();
    }

    private static byte[] toBytes(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
