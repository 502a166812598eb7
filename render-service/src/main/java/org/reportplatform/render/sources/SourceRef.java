package org.reportplatform.render.sources;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something a page can be built from: one chapter, indicator, dataset or translation of an
 * edition, the edition itself, the list of an edition's chapters, indicators or datasets (a page
 * that lists them must change when one is added or removed, even though it never read the
 * newcomer), the edition's language, or a value derived from a source that changes less often
 * than the source (a translation's staleness, a chapter's errata): a page that shows only that
 * depends on it, and is not rebuilt at every change of the source.
 *
 * <p>{@link #key()} is the form used in {@code RenderedOutput.sourceRevisions}, e.g.
 * {@code chapter:2024/defenseurs}.
 */
public record SourceRef(Kind kind, String edition, String id) implements Comparable<SourceRef> {

    private static final Comparator<SourceRef> ORDER = Comparator.comparing(SourceRef::kind)
            .thenComparing(SourceRef::edition)
            .thenComparing(SourceRef::id, Comparator.nullsFirst(Comparator.naturalOrder()));

    public enum Kind {
        CHAPTER("chapter"), INDICATOR("indicator"), DATASET("dataset"),
        /** The set and order of an edition's chapters. */
        CHAPTER_LIST("chapters", false, false),
        /** The set of an edition's indicators. */
        INDICATOR_LIST("indicators", false, false),
        /** The set of an edition's datasets. */
        DATASET_LIST("datasets", false, false),
        /** The edition's language: its first chapter's (what pages that belong to no chapter are written in). */
        LANGUAGE("language", false, false),
        /** The edition itself: title, languages, status, stale notice (its event's revision; 0 when it has none). */
        EDITION("edition", false, true),
        /** A chapter's translation into one language: id {@code {slug}/{language}}. */
        TRANSLATION("translation", true, true),
        /**
         * Derived: whether a chapter's translation is stale (its source revision predates the
         * source's last title or body change). Changes only when that flips, never with the source's
         * text itself: a translated page depends on it, not on the source chapter. Id {@code {slug}/{language}}.
         */
        TRANSLATION_STATUS("translation-status", true, false),
        /** Derived: a chapter's errata, which every language's page shows. Changes only with them. */
        ERRATA("errata", true, false),
        /** The public editions, newest first (the {@code /editions} page); its edition is "". */
        PUBLIC_EDITIONS("editions", false, false);

        private final String prefix;
        private final boolean hasId;
        private final boolean versioned;

        Kind(String prefix) {
            this(prefix, true, true);
        }

        Kind(String prefix, boolean hasId, boolean versioned) {
            this.prefix = prefix;
            this.hasId = hasId;
            this.versioned = versioned;
        }

        public String prefix() {
            return prefix;
        }
    }

    public SourceRef {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(edition);
        if (kind.hasId != (id != null)) {
            throw new IllegalArgumentException(kind + " references " + (id == null ? "need" : "take no") + " id");
        }
    }

    public static SourceRef chapter(String edition, String slug) {
        return new SourceRef(Kind.CHAPTER, edition, slug);
    }

    public static SourceRef indicator(String edition, String id) {
        return new SourceRef(Kind.INDICATOR, edition, id);
    }

    public static SourceRef dataset(String edition, String id) {
        return new SourceRef(Kind.DATASET, edition, id);
    }

    public static SourceRef chapterList(String edition) {
        return new SourceRef(Kind.CHAPTER_LIST, edition, null);
    }

    public static SourceRef indicatorList(String edition) {
        return new SourceRef(Kind.INDICATOR_LIST, edition, null);
    }

    public static SourceRef datasetList(String edition) {
        return new SourceRef(Kind.DATASET_LIST, edition, null);
    }

    public static SourceRef language(String edition) {
        return new SourceRef(Kind.LANGUAGE, edition, null);
    }

    public static SourceRef edition(String edition) {
        return new SourceRef(Kind.EDITION, edition, null);
    }

    public static SourceRef translation(String edition, String slug, String language) {
        return new SourceRef(Kind.TRANSLATION, edition, slug + "/" + language);
    }

    public static SourceRef translationStatus(String edition, String slug, String language) {
        return new SourceRef(Kind.TRANSLATION_STATUS, edition, slug + "/" + language);
    }

    public static SourceRef errata(String edition, String slug) {
        return new SourceRef(Kind.ERRATA, edition, slug);
    }

    public static SourceRef publicEditions() {
        return new SourceRef(Kind.PUBLIC_EDITIONS, "", null);
    }

    /** A single source with a revision of its own (not a list, not a derived source). */
    public boolean isSingle() {
        return kind.versioned;
    }

    /** {@code chapter:2024/defenseurs}, {@code indicators:2024}. */
    public String key() {
        return kind.prefix() + ":" + edition + (id == null ? "" : "/" + id);
    }

    /** The reference a {@link #key()} of a versioned source names, if it is one. */
    public static java.util.Optional<SourceRef> parse(String key) {
        int colon = key.indexOf(':');
        if (colon < 0) {
            return java.util.Optional.empty();
        }
        String rest = key.substring(colon + 1);
        int slash = rest.indexOf('/');
        String edition = slash < 0 ? rest : rest.substring(0, slash);
        String id = slash < 0 ? null : rest.substring(slash + 1);
        for (Kind kind : Kind.values()) {
            if (kind.versioned && kind.prefix.equals(key.substring(0, colon)) && kind.hasId == (id != null)) {
                return java.util.Optional.of(new SourceRef(kind, edition, id));
            }
        }
        return java.util.Optional.empty();
    }

    @Override
    public int compareTo(SourceRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return key();
    }
}
