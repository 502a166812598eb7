package org.reportplatform.render.preview;

/** The body of {@code POST /api/editions/{edition}/chapters/{slug}/preview}: the text being typed. */
public record PreviewRequest(String title, String body) {
}
