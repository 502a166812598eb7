package org.reportplatform.content.chapters;

/** The body of {@code POST /api/editions/{edition}/chapters/{slug}/move}: the 1-based place to move to. */
public record MoveRequest(Integer position) {
}
