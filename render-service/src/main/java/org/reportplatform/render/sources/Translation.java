package org.reportplatform.render.sources;

/**
 * A chapter's text in a target language: title, Markdown body (same references as the source),
 * and the revision of the source chapter it translates. A blank title means it is not written yet
 * (only a translator team was assigned): the site shows the source text, as for a missing one.
 */
public record Translation(String edition, String slug, String language, String title, String body, long sourceRevision) {

    public boolean isWritten() {
        return !title.isBlank();
    }
}
