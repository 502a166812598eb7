package org.reportplatform.schemas;

import org.apache.avro.specific.SpecificRecord;

import java.util.List;
import java.util.Optional;

/** Every topic of the platform, in one place. Services meet only here and over HTTP. */
public final class Topics {

    private static final int ONE_MIB = 1024 * 1024;

    /** Chapter changes, keyed {edition}/{slug}; kept forever (the chapters' revision history). */
    public static final Topic<ChapterChanged> CHAPTERS =
            new Topic<>("report.chapters.v1", ChapterChanged.class, 3, Topic.Retention.FOREVER, ONE_MIB);

    /** Indicator (key figure) changes, keyed {edition}/{indicatorId}; kept forever. */
    public static final Topic<IndicatorChanged> INDICATORS =
            new Topic<>("report.indicators.v1", IndicatorChanged.class, 3, Topic.Retention.FOREVER, ONE_MIB);

    /** Dataset changes, keyed {edition}/{datasetId}; kept forever. */
    public static final Topic<DatasetChanged> DATASETS =
            new Topic<>("report.datasets.v1", DatasetChanged.class, 3, Topic.Retention.FOREVER, ONE_MIB);

    /** Rendered HTML pages, keyed by URL path; compacted to the current site. */
    public static final Topic<RenderedOutput> PAGES =
            new Topic<>("report.pages.v1", RenderedOutput.class, 3, Topic.Retention.COMPACTED, 4 * ONE_MIB);

    /** Rendered documents (the report PDF), keyed by URL path; compacted, larger records. */
    public static final Topic<RenderedOutput> DOCUMENTS =
            new Topic<>("report.documents.v1", RenderedOutput.class, 1, Topic.Retention.COMPACTED, 32 * ONE_MIB);

    /**
     * Dead letters an operator replayed successfully, keyed by the dead letter's id; compacted.
     * The render service reads it at start: a dead letter is replayed at most once, across restarts.
     */
    public static final Topic<DeadLetterReplayed> REPLAYED_DEAD_LETTERS =
            new Topic<>("report.ops.dead-letters-replayed.v1", DeadLetterReplayed.class, 1, Topic.Retention.COMPACTED, ONE_MIB);

    /** Account changes (people, their roles and teams), keyed by account id; kept forever (who changed whom). */
    public static final Topic<AccountChanged> ACCOUNTS =
            new Topic<>("report.accounts.v1", AccountChanged.class, 1, Topic.Retention.FOREVER, ONE_MIB);

    /** Personal API tokens created and revoked, keyed by token id; kept forever. */
    public static final Topic<PersonalTokenChanged> PERSONAL_TOKENS =
            new Topic<>("report.tokens.v1", PersonalTokenChanged.class, 1, Topic.Retention.FOREVER, ONE_MIB);

    /**
     * The gateway's browser sessions, keyed by the SHA-256 of the session cookie; compacted (a
     * sign-out is a tombstone). Every gateway replica follows it: a session works on any replica
     * and survives a restart.
     */
    public static final Topic<SessionChanged> SESSIONS =
            new Topic<>("report.sessions.v1", SessionChanged.class, 1, Topic.Retention.COMPACTED, ONE_MIB);

    /**
     * Who has which chapter open in the studio, keyed {edition}/{slug}/{accountId}; compacted (a
     * person leaving is a tombstone). Every gateway replica follows it, so the editor shows who
     * else is writing whichever replica they came through.
     */
    public static final Topic<PresenceChanged> PRESENCE =
            new Topic<>("report.presence.v1", PresenceChanged.class, 1, Topic.Retention.COMPACTED, ONE_MIB);

    /**
     * Chapter drafts, keyed {edition}/{slug}; kept forever (a draft's own history). Never public:
     * the render service builds only previews from it, on {@link #PREVIEWS}. Publishing a draft
     * writes the chapter's next revision on {@link #CHAPTERS} and closes the draft here, in one
     * transaction.
     */
    public static final Topic<DraftChanged> DRAFTS =
            new Topic<>("report.drafts.v1", DraftChanged.class, 3, Topic.Retention.FOREVER, ONE_MIB);

    /**
     * Indicator values scheduled to go public at a time, keyed {edition}/{indicatorId}; kept
     * forever. Firing writes the indicator's next revision on {@link #INDICATORS} and closes the
     * schedule here, in one transaction.
     */
    public static final Topic<IndicatorScheduleChanged> INDICATOR_SCHEDULES =
            new Topic<>("report.indicator-schedules.v1", IndicatorScheduleChanged.class, 1, Topic.Retention.FOREVER, ONE_MIB);

    /**
     * Drafts rendered as they would be published (HTML page and the chapter's PDF pages), keyed by
     * the path the gateway serves them at ({@code /preview/{edition}/{slug}},
     * {@code /preview/{edition}/{slug}.pdf}); compacted, a closed draft's previews are tombstones.
     * Never merged with {@link #PAGES}: the gateway serves them only to those who may read the draft.
     */
    public static final Topic<RenderedOutput> PREVIEWS =
            new Topic<>("report.previews.v1", RenderedOutput.class, 1, Topic.Retention.COMPACTED, 32 * ONE_MIB);

    /**
     * The editions (one a year), keyed {edition}; kept forever: title, source and target
     * languages, status (preparing, published, closed). Written by content-service; followed by
     * figures-service (a closed edition refuses edits, a new edition copies the indicators'
     * definitions) and the render service (languages, which editions are public).
     */
    public static final Topic<EditionChanged> EDITIONS =
            new Topic<>("report.editions.v1", EditionChanged.class, 1, Topic.Retention.FOREVER, ONE_MIB);

    /**
     * Chapter translations, keyed {edition}/{slug}/{language}; kept forever (their history).
     * Each names the source chapter's revision it translates.
     */
    public static final Topic<TranslationChanged> TRANSLATIONS =
            new Topic<>("report.translations.v1", TranslationChanged.class, 3, Topic.Retention.FOREVER, ONE_MIB);

    /**
     * What the accessibility checker found in each chapter's text, translation and open draft,
     * keyed {edition}/{slug}, {edition}/{slug}/{language} or {edition}/{slug}/draft; compacted to
     * the current findings. Written by the render service when the findings change; the studio and
     * the operations dashboard show them.
     */
    public static final Topic<AccessibilityFindings> ACCESSIBILITY =
            new Topic<>("report.accessibility.v1", AccessibilityFindings.class, 1, Topic.Retention.COMPACTED, ONE_MIB);

    /**
     * Who writes, for each writer service: one partition and no records. The instances of a writer
     * form a consumer group on it; the member assigned the partition is the active writer, the
     * others are standbys (platform's {@code WriterLeadership}). Nothing is ever written to it,
     * hence the value type of any record.
     */
    public static final Topic<SpecificRecord> WRITER_LEADERSHIP =
            new Topic<>("report.writer-leadership.v1", SpecificRecord.class, 1, Topic.Retention.COMPACTED, ONE_MIB);

    /**
     * The render service's outputs, shared among its instances: nothing is ever written here.
     * Instances that share the rendering join one consumer group on it, and the instance Kafka
     * assigns partition {@code p} renders and publishes every output whose path hashes to {@code p}
     * (pages, report PDFs, draft previews). Twelve partitions: up to twelve instances, and
     * a lost instance's share spread over the others in small parts.
     */
    public static final Topic<RenderedOutput> RENDER_OWNERSHIP =
            new Topic<>("report.render-ownership.v1", RenderedOutput.class, 12, Topic.Retention.COMPACTED, ONE_MIB);

    /** The topics whose records the render service consumes, and dead-letters when it cannot process them. */
    public static final List<Topic<?>> SOURCES = List.of(CHAPTERS, INDICATORS, DATASETS, EDITIONS, TRANSLATIONS);

    private static final List<Topic<?>> ALL = List.of(CHAPTERS, INDICATORS, DATASETS, PAGES, DOCUMENTS, REPLAYED_DEAD_LETTERS,
            ACCOUNTS, PERSONAL_TOKENS, SESSIONS, PRESENCE, DRAFTS, INDICATOR_SCHEDULES, PREVIEWS, EDITIONS, TRANSLATIONS,
            ACCESSIBILITY, WRITER_LEADERSHIP, RENDER_OWNERSHIP);

    private Topics() {
    }

    public static List<Topic<?>> all() {
        return ALL;
    }

    /** The topic of that name; a dead-letter topic resolves to the topic it holds records of. */
    public static Optional<Topic<?>> byName(String name) {
        String source = name.endsWith(".DLT") ? name.substring(0, name.length() - 4) : name;
        return ALL.stream().filter(t -> t.name().equals(source)).findFirst();
    }

    /** The record key of a source (chapter, indicator, dataset) of an edition. */
    public static String sourceKey(String edition, String id) {
        return edition + "/" + id;
    }
}
