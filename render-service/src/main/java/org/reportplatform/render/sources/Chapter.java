package org.reportplatform.render.sources;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A chapter of an edition, as its latest event says. {@code body} is Markdown. {@code errata}:
 * the corrections made since its edition was closed, oldest first.
 */
public record Chapter(String edition, String slug, String title, String body, int position, String language, List<Erratum> errata) {

    public Chapter {
        errata = List.copyOf(errata);
    }

    /** A chapter without errata. */
    public Chapter(String edition, String slug, String title, String body, int position, String language) {
        this(edition, slug, title, body, position, language, List.of());
    }

    /** Whether {@code other} has another title or body (what a translation translates; moving a chapter is no text change). */
    public boolean textDiffers(Chapter other) {
        return other == null || !title.equals(other.title) || !body.equals(other.body);
    }

    /** A correction of a closed edition's chapter: when, and what was corrected (shown publicly). */
    public record Erratum(Instant at, String note) {
        public Erratum {
            Objects.requireNonNull(at);
            Objects.requireNonNull(note);
        }
    }
}
