package org.reportplatform.content.drafts;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The body of {@code PUT .../chapters/{slug}/draft}: the draft's title and body (the same rules as
 * a chapter's), and, after merging a conflict, the published revision the merge is based on.
 */
public record DraftRequest(
        String title,
        String body,
        @Schema(description = "Only after merging a publish conflict: the chapter's current revision the merged text is based on")
        Long baseRevision) {
}
