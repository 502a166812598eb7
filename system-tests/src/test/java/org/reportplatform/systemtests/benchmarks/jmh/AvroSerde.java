package org.reportplatform.systemtests.benchmarks.jmh;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.AvroSerializer;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;

/**
 * The platform's Kafka serde (Avro single-object encoding, {@code schemas}' AvroSerializer and
 * AvroDeserializer) on the two records an edit moves: the chapter event the writer publishes
 * (the president's message, about 1.4 KB of Markdown) and the rendered page the render service
 * publishes and the gateway reads (a chapter page's HTML, about 10 KB).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AvroSerde {

    private final AvroSerializer serializer = new AvroSerializer();
    private final AvroDeserializer deserializer = new AvroDeserializer();
    private ChapterChanged chapter;
    private byte[] chapterBytes;
    private RenderedOutput page;
    private byte[] pageBytes;

    @Setup
    public void records() {
        chapter = DemoEvents.chapters().stream().filter(c -> c.getSlug().equals("message-presidente")).findFirst().orElseThrow();
        chapterBytes = serializer.serialize(Topics.CHAPTERS.name(), chapter);
        PageRendering rendering = new PageRendering();
        rendering.loadTheDemoReport();
        byte[] html = rendering.render().orElseThrow().content();
        page = RenderedOutput.newBuilder().setPath("/2024/message-presidente").setEdition("2024").setContentType("text/html; charset=utf-8")
                .setContent(ByteBuffer.wrap(html)).setSha256("0".repeat(64))
                .setSourceRevisions(Map.of("chapter:2024/message-presidente", 3L, "indicator:2024/sos-defenders.cases", 2L))
                .setCauses(List.of("9b0c7f1e-4c1a-4a8e-9d59-0f3c2b1a7e55")).setSourceChangedAt(Instant.parse("2025-03-01T09:00:00Z"))
                .setPublishedAt(Instant.parse("2025-03-01T09:00:00.050Z")).build();
        pageBytes = serializer.serialize(Topics.PAGES.name(), page);
    }

    @Benchmark
    public byte[] encodeChapterEvent() {
        return serializer.serialize(Topics.CHAPTERS.name(), chapter);
    }

    @Benchmark
    public SpecificRecord decodeChapterEvent() {
        return deserializer.deserialize(Topics.CHAPTERS.name(), chapterBytes);
    }

    @Benchmark
    public byte[] encodeRenderedPage() {
        // as a fresh record would be, should the encoder have moved the content buffer's position
        page.getContent().rewind();
        return serializer.serialize(Topics.PAGES.name(), page);
    }

    @Benchmark
    public SpecificRecord decodeRenderedPage() {
        return deserializer.deserialize(Topics.PAGES.name(), pageBytes);
    }
}
