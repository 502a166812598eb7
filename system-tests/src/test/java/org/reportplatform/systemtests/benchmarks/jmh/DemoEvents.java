package org.reportplatform.systemtests.benchmarks.jmh;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.IndicatorType;

/**
 * The demo report's chapters and indicators as the writers publish them (Avro events), read from
 * the files the writers' demo loaders read: {@code content-service/src/main/resources/demo} and
 * {@code figures-service/src/main/resources/demo}. The JMH benchmarks start from these.
 */
final class DemoEvents {

    static final String EDITION = "2024";

    private DemoEvents() {
    }

    private static Path root() {
        return Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    }

    static List<ChapterChanged> chapters() {
        Path dir = root().resolve("content-service/src/main/resources/demo/" + EDITION + "/chapters");
        List<ChapterChanged> chapters = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String name = file.getFileName().toString();
                int dash = name.indexOf('-');
                String slug = name.substring(dash + 1, name.length() - ".md".length());
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int newline = text.indexOf('\n');
                String title = text.substring(0, newline).replaceFirst("^#\\s+", "").strip();
                chapters.add(ChapterChanged.newBuilder().setMetadata(metadata(slug)).setEdition(EDITION).setSlug(slug).setRevision(1)
                        .setChapter(ChapterState.newBuilder().setTitle(title).setBody(text.substring(newline + 1).strip())
                                .setPosition(Integer.parseInt(name.substring(0, dash))).setOwnerTeam(slug).setLanguage("fr")
                                // set, as the writer sets it: Avro would build the default list reflectively, from a
                                // package outside its trusted ones (org.apache.avro.SERIALIZABLE_PACKAGES)
                                .setErrata(List.of()).build())
                        .build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return chapters;
    }

    static List<IndicatorChanged> indicators() {
        Path file = root().resolve("figures-service/src/main/resources/demo/" + EDITION + "/indicators.csv");
        List<IndicatorChanged> indicators = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
                indicators.add(IndicatorChanged.newBuilder().setMetadata(metadata(row.get("ownerTeam"))).setEdition(EDITION)
                        .setIndicatorId(row.get("id")).setRevision(1)
                        .setIndicator(IndicatorState.newBuilder().setLabel(row.get("label")).setType(IndicatorType.valueOf(row.get("type")))
                                .setValue(row.get("value")).setUnit(row.get("unit")).setPeriod(row.get("period")).setSource(row.get("source"))
                                .setOwnerTeam(row.get("ownerTeam"))
                                // set, as the writer sets them (see the chapters' errata)
                                .setTexts(java.util.Map.of()).build())
                        .build());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return indicators;
    }

    private static EventMetadata metadata(String actor) {
        return EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString()).setOccurredAt(Instant.parse("2025-03-01T09:00:00Z"))
                .setActor(actor).build();
    }
}
