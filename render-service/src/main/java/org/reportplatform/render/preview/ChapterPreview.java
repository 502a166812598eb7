package org.reportplatform.render.preview;

import java.util.List;

/**
 * A preview's answer: the whole chapter page as the site would serve it, and the references it
 * could not resolve, in the order of the text.
 */
public record ChapterPreview(String html, List<Missing> missing) {

    /**
     * An unresolved reference: {@code kind} {@code fig} or {@code chart}, its {@code id}, and why:
     * {@code unknown} (no such indicator or dataset in the edition) or {@code inline} (a chart
     * written inside running text: it must stand on a line of its own).
     */
    public record Missing(String kind, String id, String problem) {
    }
}
