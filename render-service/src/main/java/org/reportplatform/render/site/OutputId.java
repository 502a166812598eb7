package org.reportplatform.render.site;

import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topic;
import org.reportplatform.schemas.Topics;

/**
 * One output the render service publishes, named by the URL path it is served at (its record
 * key). Today: the HTML pages of {@code report.pages.v1}. The report PDF will be one more kind
 * here ({@code ReportDocument(edition)} on {@link Topics#DOCUMENTS}, rendered by its own
 * renderer from the same sources and dependency index).
 */
public sealed interface OutputId extends Comparable<OutputId> {

    Pattern INDEX_PATH = Pattern.compile("/([^/]+)/");
    Pattern CHAPTER_PATH = Pattern.compile("/([^/]+)/([^/]+)");

    Comparator<OutputId> ORDER = Comparator.comparing((OutputId id) -> id.topic().name()).thenComparing(OutputId::path);

    /** The URL path, also the record key. */
    String path();

    /** The edition it belongs to (null for a path this version no longer understands). */
    String edition();

    /** The topic it is published to. */
    default Topic<RenderedOutput> topic() {
        return Topics.PAGES;
    }

    @Override
    default int compareTo(OutputId other) {
        return ORDER.compare(this, other);
    }

    /** The page served at a path of {@code report.pages.v1}. */
    static OutputId forPagePath(String path) {
        Matcher index = INDEX_PATH.matcher(path);
        if (index.matches()) {
            return new IndexPage(index.group(1));
        }
        Matcher chapter = CHAPTER_PATH.matcher(path);
        if (chapter.matches()) {
            return new ChapterPage(chapter.group(1), chapter.group(2));
        }
        return new RetiredPage(path);
    }

    /** {@code /{edition}/}: title, table of contents, key figures. */
    record IndexPage(String edition) implements OutputId {
        @Override
        public String path() {
            return "/" + edition + "/";
        }
    }

    /** {@code /{edition}/{slug}}: one chapter. */
    record ChapterPage(String edition, String slug) implements OutputId {
        @Override
        public String path() {
            return "/" + edition + "/" + slug;
        }
    }

    /** A published path no page of this version has: it only ever renders as absent (a tombstone). */
    record RetiredPage(String path) implements OutputId {
        @Override
        public String edition() {
            return null;
        }
    }
}
