package org.reportplatform.content.drafts;

/** The body of {@code :submit}, {@code :approve} and {@code :request-changes}: a comment (required to request changes). */
public record ReviewRequest(String comment) {
}
