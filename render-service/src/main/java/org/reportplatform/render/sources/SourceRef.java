package org.reportplatform.render.sources;

import java.util.Comparator;
import java.util.Objects;

/**
 * Something a page can be built from: one chapter, indicator or dataset of an edition, the list
 * of an edition's chapters, indicators or datasets (a page that lists them must change when one
 * is added or removed, even though it never read the newcomer), or the edition's language.
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
        CHAPTER_LIST("chapters"),
        /** The set of an edition's indicators. */
        INDICATOR_LIST("indicators"),
        /** The set of an edition's datasets. */
        DATASET_LIST("datasets"),
        /** The edition's language: its first chapter's (what pages that belong to no chapter are written in). */
        LANGUAGE("language");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }
    }

    public SourceRef {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(edition);
        if (isList(kind) != (id == null)) {
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

    /** A single source with a revision of its own (not a list). */
    public boolean isSingle() {
        return !isList(kind);
    }

    /** {@code chapter:2024/defenseurs}, {@code indicators:2024}. */
    public String key() {
        return kind.prefix() + ":" + edition + (id == null ? "" : "/" + id);
    }

    @Override
    public int compareTo(SourceRef other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return key();
    }

    private static boolean isList(Kind kind) {
        return kind == Kind.CHAPTER_LIST || kind == Kind.INDICATOR_LIST || kind == Kind.DATASET_LIST || kind == Kind.LANGUAGE;
    }
}
