package org.reportplatform.render.sources;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.reportplatform.schemas.DecimalStrings;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.ColumnType;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetColumn;
import org.reportplatform.schemas.DatasetState;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.EditionState;
import org.reportplatform.schemas.TranslationChanged;
import org.reportplatform.schemas.TranslationState;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.ReportIds;
import org.reportplatform.schemas.Topics;

/**
 * Turns the Avro events of the source topics into {@link SourceEvent}s, checking what the
 * renderer relies on: the record key is {@code {edition}/{id}} ({@code {edition}} for an edition,
 * {@code {edition}/{slug}/{language}} for a translation), slugs, ids and languages are what
 * the writers accept ({@link ReportIds}), an edition can be a URL path segment, a revision is
 * positive, numbers are plain decimals, dataset rows fit their columns. Anything else is an
 * {@link InvalidEventException} (dead-lettered, never applied).
 */
public final class SourceEvents {

    /**
     * Only a URL path segment, looser than the writers' year ({@link ReportIds#isEdition}): the
     * renderer renders any edition it is given, and its tests give each case an edition of its own
     * ({@code t1}, {@code cv}).
     */
    private static final Pattern EDITION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private static final String SLUG = "lowercase words joined by single hyphens, at most " + ReportIds.MAX_SLUG_LENGTH + " characters";
    private static final String SOURCE_ID = "lowercase words joined by single dots or hyphens, at most "
            + ReportIds.MAX_SOURCE_ID_LENGTH + " characters";

    private SourceEvents() {
    }

    /** The event a record of a source topic carries. */
    public static SourceEvent decode(String topic, String key, Object value) {
        if (value == null) {
            throw new InvalidEventException("a record on " + topic + " has no value: source topics carry no tombstones");
        }
        if (value instanceof ChapterChanged e) {
            return chapter(key, e);
        }
        if (value instanceof IndicatorChanged e) {
            return indicator(key, e);
        }
        if (value instanceof DatasetChanged e) {
            return dataset(key, e);
        }
        if (value instanceof EditionChanged e) {
            return edition(key, e);
        }
        if (value instanceof TranslationChanged e) {
            return translation(key, e);
        }
        throw new InvalidEventException("a " + value.getClass().getSimpleName() + " is not a source event (topic " + topic + ")");
    }

    static SourceEvent.ChapterEvent chapter(String key, ChapterChanged e) {
        String edition = edition(e.getEdition());
        String slug = check(ReportIds::isSlug, e.getSlug(), "slug", SLUG);
        if (ReportIds.isReservedSlug(slug)) {
            throw new InvalidEventException("slug '" + slug + "' is reserved: /{edition}/" + slug + " is a page of the site "
                    + "(reserved: " + ReportIds.RESERVED_SLUGS + " and the languages " + ReportIds.LANGUAGES + ")");
        }
        checkKey(key, edition, slug);
        ChapterState s = e.getChapter();
        Chapter chapter = null;
        if (s != null) {
            String language = s.getLanguage() == null || s.getLanguage().isBlank() ? "fr"
                    : check(ReportIds::isLanguage, s.getLanguage(), "language", "a language tag such as fr or fr-CH");
            List<Chapter.Erratum> errata = s.getErrata() == null ? List.of() : s.getErrata().stream()
                    .map(x -> new Chapter.Erratum(x.getAt(), Objects.requireNonNullElse(x.getNote(), "").strip()))
                    .toList();
            chapter = new Chapter(edition, slug, Objects.requireNonNullElse(s.getTitle(), "").strip(),
                    Objects.requireNonNullElse(s.getBody(), ""), s.getPosition(), language, errata);
        }
        return new SourceEvent.ChapterEvent(SourceRef.chapter(edition, slug), revision(e.getRevision()), EventInfo.of(e.getMetadata()), chapter);
    }

    static SourceEvent.IndicatorEvent indicator(String key, IndicatorChanged e) {
        String edition = edition(e.getEdition());
        String id = check(ReportIds::isSourceId, e.getIndicatorId(), "indicatorId", SOURCE_ID);
        checkKey(key, edition, id);
        IndicatorState s = e.getIndicator();
        Indicator indicator = null;
        if (s != null) {
            // "" is a value not entered yet (an indicator copied into a new edition)
            if (s.getType() != IndicatorType.TEXT && !s.getValue().isEmpty()) {
                decimal(s.getValue(), "indicator " + id + " (" + s.getType() + ")");
            }
            Map<String, Indicator.Texts> texts = new TreeMap<>();
            if (s.getTexts() != null) {
                s.getTexts().forEach((language, t) -> texts.put(language(language, "texts"),
                        new Indicator.Texts(t.getLabel(), t.getUnit(), t.getSource())));
            }
            indicator = new Indicator(edition, id, s.getLabel(), s.getType(), s.getValue(), s.getCurrency(), s.getUnit(),
                    s.getPeriod(), s.getSource(), texts);
        }
        return new SourceEvent.IndicatorEvent(SourceRef.indicator(edition, id), revision(e.getRevision()), EventInfo.of(e.getMetadata()), indicator);
    }

    static SourceEvent.DatasetEvent dataset(String key, DatasetChanged e) {
        String edition = edition(e.getEdition());
        String id = check(ReportIds::isSourceId, e.getDatasetId(), "datasetId", SOURCE_ID);
        checkKey(key, edition, id);
        DatasetState s = e.getDataset();
        Dataset dataset = null;
        if (s != null) {
            List<Dataset.Column> columns = s.getColumns().stream()
                    .map((DatasetColumn c) -> new Dataset.Column(c.getName(), c.getType() == ColumnType.NUMBER))
                    .toList();
            List<List<String>> rows = s.getRows();
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                if (row.size() != columns.size()) {
                    throw new InvalidEventException("dataset " + id + ": row " + (r + 1) + " has " + row.size()
                            + " cells for " + columns.size() + " columns");
                }
                for (int c = 0; c < row.size(); c++) {
                    if (columns.get(c).numeric()) {
                        decimal(row.get(c), "dataset " + id + ", row " + (r + 1) + ", column " + columns.get(c).name());
                    }
                }
            }
            Map<String, Dataset.Texts> texts = new TreeMap<>();
            if (s.getTexts() != null) {
                s.getTexts().forEach((language, t) -> texts.put(language(language, "texts"),
                        new Dataset.Texts(t.getTitle(), t.getColumnLabels(), t.getUnit(), t.getSource())));
            }
            dataset = new Dataset(edition, id, s.getTitle(), columns, rows, s.getUnit(), s.getSource(), texts);
        }
        return new SourceEvent.DatasetEvent(SourceRef.dataset(edition, id), revision(e.getRevision()), EventInfo.of(e.getMetadata()), dataset);
    }

    static SourceEvent.EditionEvent edition(String key, EditionChanged e) {
        String edition = edition(e.getEdition());
        if (!edition.equals(key)) {
            throw new InvalidEventException("the record key '" + key + "' does not match the event (expected '" + edition + "')");
        }
        EditionState s = e.getState();
        Edition state = null;
        if (s != null) {
            String source = language(s.getSourceLanguage(), "sourceLanguage");
            List<String> targets = new ArrayList<>();
            for (String target : s.getTargetLanguages()) {
                language(target, "targetLanguages");
                if (target.equals(source) || targets.contains(target)) {
                    throw new InvalidEventException("targetLanguages " + s.getTargetLanguages() + ": '" + target
                            + "' is the source language or listed twice");
                }
                targets.add(target);
            }
            Map<String, String> titles = new TreeMap<>();
            s.getTitles().forEach((language, title) -> titles.put(language(language, "titles"), title.strip()));
            state = new Edition(edition, Objects.requireNonNullElse(s.getTitle(), "").strip(), titles, source, targets,
                    Edition.Status.valueOf(s.getStatus().name()), s.getStaleNotice());
        }
        return new SourceEvent.EditionEvent(SourceRef.edition(edition), revision(e.getRevision()), EventInfo.of(e.getMetadata()), state);
    }

    static SourceEvent.TranslationEvent translation(String key, TranslationChanged e) {
        String edition = edition(e.getEdition());
        String slug = check(ReportIds::isSlug, e.getSlug(), "slug", SLUG);
        String language = language(e.getLanguage(), "language");
        String expected = Topics.sourceKey(edition, slug) + "/" + language;
        if (!expected.equals(key)) {
            throw new InvalidEventException("the record key '" + key + "' does not match the event (expected '" + expected + "')");
        }
        TranslationState s = e.getTranslation();
        Translation translation = null;
        if (s != null) {
            if (s.getSourceRevision() < 0) {
                throw new InvalidEventException("sourceRevision " + s.getSourceRevision() + " is negative");
            }
            translation = new Translation(edition, slug, language, Objects.requireNonNullElse(s.getTitle(), "").strip(),
                    Objects.requireNonNullElse(s.getBody(), ""), s.getSourceRevision());
        }
        return new SourceEvent.TranslationEvent(SourceRef.translation(edition, slug, language), revision(e.getRevision()),
                EventInfo.of(e.getMetadata()), translation);
    }

    /** A language the site can publish pages in ({@link ReportIds#LANGUAGES}: it becomes a path segment). */
    private static String language(String language, String field) {
        return check(ReportIds::isReportLanguage, language, field, "one of " + ReportIds.LANGUAGES);
    }

    private static String edition(String edition) {
        return check(value -> EDITION.matcher(value).matches(), edition, "edition", EDITION.pattern());
    }

    private static String check(Predicate<String> valid, String value, String field, String expected) {
        if (value == null || !valid.test(value)) {
            throw new InvalidEventException(field + " '" + value + "' is not valid (expected " + expected + ")");
        }
        return value;
    }

    private static void checkKey(String key, String edition, String id) {
        String expected = Topics.sourceKey(edition, id);
        if (!expected.equals(key)) {
            throw new InvalidEventException("the record key '" + key + "' does not match the event (expected '" + expected + "')");
        }
    }

    private static long revision(long revision) {
        if (revision < 1) {
            throw new InvalidEventException("revision " + revision + " is not positive");
        }
        return revision;
    }

    private static void decimal(String value, String what) {
        if (!DecimalStrings.isPlain(value)) {
            throw new InvalidEventException(what + ": '" + value + "' is not a plain decimal number");
        }
        new BigDecimal(value);
    }
}
