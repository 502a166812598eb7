package org.reportplatform.render.sources;

/** A chapter of an edition, as its latest event says. {@code body} is Markdown. */
public record Chapter(String edition, String slug, String title, String body, int position, String language) {
}
