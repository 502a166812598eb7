package org.reportplatform.render.rendering;

/** A {@code {{fig:ID}}} or {@code {{chart:ID}}} that could not be rendered: shown as a marker, counted. */
public record MissingReference(Kind kind, String id) {

    public enum Kind {
        /** {@code {{fig:ID}}} with no indicator ID in the edition. */
        FIGURE,
        /** {@code {{chart:ID}}} with no dataset ID in the edition. */
        CHART,
        /** {@code {{chart:ID}}} inside running text: a chart stands on its own line. */
        CHART_INLINE
    }
}
