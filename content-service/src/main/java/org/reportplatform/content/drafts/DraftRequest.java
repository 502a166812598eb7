package org.reportplatform.content.drafts;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code PUT .../chapters/{slug}/draft} and {@code .../translations/{language}/draft}:
 * the draft's title and body (the same rules as a chapter's), after merging a conflict the
 * published revision the merge is based on, and for a translation the source revision it translates.
 */
public record DraftRequest(
        String title,
        String body,
        @Schema(description = "Only after merging a publish conflict: the chapter's current revision the merged text is based on")
        Long baseRevision,
        @Schema(description = "A translation's draft only: the source chapter revision the text translates (default: the chapter's "
                + "revision current when the draft is published)")
        Long sourceRevision) {
}
