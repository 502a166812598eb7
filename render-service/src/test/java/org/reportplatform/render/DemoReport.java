package org.reportplatform.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.render.sources.Edition;
import org.reportplatform.render.sources.EventInfo;
import org.reportplatform.render.sources.Indicator;
import org.reportplatform.render.sources.SourceEvent;
import org.reportplatform.render.sources.SourceRef;
import org.reportplatform.render.sources.Translation;
import org.reportplatform.schemas.IndicatorType;

/**
 * The demo report (« Rapport annuel 2024 » of the OMCT), read from the files the writers load it
 * from: {@code content-service/src/main/resources/demo} (chapters) and
 * {@code figures-service/src/main/resources/demo} (indicators, datasets). Read only.
 */
public final class DemoReport {

    public static final String EDITION = "2024";

    public record ChapterFile(String slug, int position, String title, String body) {
    }

    public record IndicatorRow(String id, IndicatorType type, String value, String label, String unit, String period, String source) {
    }

    public record DatasetFile(String id, String title, String unit, String source, List<String> header, List<List<String>> rows) {
    }

    private DemoReport() {
    }

    private static Path repository() {
        Path module = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().normalize();
        Path root = Files.isDirectory(module.resolve("content-service")) ? module : module.getParent();
        return root;
    }

    public static List<ChapterFile> chapters() {
        return files(repository().resolve("content-service/src/main/resources/demo/" + EDITION + "/chapters"));
    }

    /** Markdown files: {@code [NN-]slug.md}, a {@code # title} line, then the body; position 0 without a number. */
    private static List<ChapterFile> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            List<ChapterFile> chapters = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).sorted().toList()) {
                String name = file.getFileName().toString();
                boolean numbered = name.matches("\\d+-.*");
                int dash = numbered ? name.indexOf('-') : -1;
                int position = numbered ? Integer.parseInt(name.substring(0, dash)) : 0;
                String slug = name.substring(dash + 1, name.length() - ".md".length());
                String text = Files.readString(file, StandardCharsets.UTF_8);
                int newline = text.indexOf('\n');
                String title = text.substring(0, newline).replaceFirst("^#\\s+", "").strip();
                chapters.add(new ChapterFile(slug, position, title, text.substring(newline + 1).strip()));
            }
            return chapters;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<IndicatorRow> indicators() {
        List<List<String>> rows = csv(repository().resolve("figures-service/src/main/resources/demo/" + EDITION + "/indicators.csv"));
        List<String> header = rows.get(0);
        List<IndicatorRow> indicators = new ArrayList<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            indicators.add(new IndicatorRow(row.get(header.indexOf("id")), IndicatorType.valueOf(row.get(header.indexOf("type"))),
                    row.get(header.indexOf("value")), row.get(header.indexOf("label")), emptyToNull(row.get(header.indexOf("unit"))),
                    emptyToNull(row.get(header.indexOf("period"))), emptyToNull(row.get(header.indexOf("source")))));
        }
        return indicators;
    }

    public static List<DatasetFile> datasets() {
        Path dir = repository().resolve("figures-service/src/main/resources/demo/" + EDITION + "/datasets");
        List<List<String>> catalogue = csv(dir.resolve("datasets.csv"));
        List<DatasetFile> datasets = new ArrayList<>();
        for (List<String> row : catalogue.subList(1, catalogue.size())) {
            List<List<String>> data = csv(dir.resolve(row.get(0) + ".csv"));
            datasets.add(new DatasetFile(row.get(0), row.get(1), emptyToNull(row.get(2)), emptyToNull(row.get(3)), data.get(0),
                    data.subList(1, data.size())));
        }
        return datasets;
    }

    /** The demo as source events (revision 1 each), chapters, then indicators, then datasets. */
    public static List<SourceEvent> events() {
        List<SourceEvent> events = new ArrayList<>();
        long time = 1_735_689_600_000L;
        for (ChapterFile c : chapters()) {
            events.add(new SourceEvent.ChapterEvent(SourceRef.chapter(EDITION, c.slug()), 1, info(time++),
                    new Chapter(EDITION, c.slug(), c.title(), c.body(), c.position(), "fr")));
        }
        for (IndicatorRow i : indicators()) {
            events.add(new SourceEvent.IndicatorEvent(SourceRef.indicator(EDITION, i.id()), 1, info(time++),
                    new Indicator(EDITION, i.id(), i.label(), i.type(), i.value(), null, i.unit(), i.period(), i.source())));
        }
        for (DatasetFile d : datasets()) {
            events.add(new SourceEvent.DatasetEvent(SourceRef.dataset(EDITION, d.id()), 1, info(time++), dataset(d)));
        }
        return events;
    }

    /**
     * The demo in its three languages: the edition (French, translated into English and Spanish,
     * with its titles), then {@link #events()}, then the translations the writers carry
     * ({@code content-service/src/main/resources/demo/2024/translations/{lang}}).
     */
    public static List<SourceEvent> eventsInThreeLanguages() {
        List<SourceEvent> events = new ArrayList<>();
        long time = 1_735_600_000_000L;
        events.add(new SourceEvent.EditionEvent(SourceRef.edition(EDITION), 1, info(time++), new Edition(EDITION, "Rapport annuel 2024",
                Map.of("en", "Annual report 2024", "es", "Informe anual 2024"), "fr", List.of("en", "es"), Edition.Status.PUBLISHED, true)));
        events.addAll(events());
        for (String language : List.of("en", "es")) {
            for (ChapterFile t : files(repository().resolve("content-service/src/main/resources/demo/" + EDITION + "/translations/" + language))) {
                events.add(new SourceEvent.TranslationEvent(SourceRef.translation(EDITION, t.slug(), language), 1, info(time++),
                        new Translation(EDITION, t.slug(), language, t.title(), t.body(), 1)));
            }
        }
        return events;
    }

    public static Dataset dataset(DatasetFile d) {
        List<Dataset.Column> columns = new ArrayList<>();
        for (int i = 0; i < d.header().size(); i++) {
            columns.add(new Dataset.Column(d.header().get(i), i > 0));
        }
        return new Dataset(EDITION, d.id(), d.title(), columns, d.rows(), d.unit(), d.source());
    }

    private static EventInfo info(long millis) {
        return new EventInfo(UUID.nameUUIDFromBytes(Long.toString(millis).getBytes(StandardCharsets.UTF_8)).toString(),
                Instant.ofEpochMilli(millis), null);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** RFC 4180: comma separated, double-quoted fields may hold commas, quotes (doubled) and line breaks. */
    static List<List<String>> csv(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
