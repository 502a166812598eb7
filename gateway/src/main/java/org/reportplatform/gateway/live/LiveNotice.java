package org.reportplatform.gateway.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.reportplatform.gateway.site.SiteChange;
import org.reportplatform.schemas.Topics;

/**
 * One notice of the live stream: a page or document was published, or deleted. The data of a
 * {@code published} or {@code removed} server-sent event, as JSON.
 *
 * @param id              the event id, {@code <gateway instance>.<sequence>}: increasing within one gateway
 *                        instance, meaningless to any other (a resume there gets a {@code reset})
 * @param type            {@code published} or {@code removed}
 * @param path            the URL path
 * @param kind            {@code page} or {@code document}
 * @param sha256          hex SHA-256 of the new bytes (the page's ETag); null when removed
 * @param contentType     null when removed
 * @param sourceRevisions what it was built from, with revisions ({@code chapter:2024/enfants -> 5})
 * @param causes          event ids of the changes that caused the rebuild
 * @param traceparent     W3C trace context of the latest causing change, or null
 * @param sourceChangedAt when the earliest causing change was accepted by its writer
 * @param publishedAt     when the render service published the output
 * @param latencyMs       edit-to-publish latency: publishedAt - sourceChangedAt, or null
 * @param receivedAt      when this gateway applied it (and began serving it)
 */
public record LiveNotice(String id, String type, String path, String kind, String sha256, String contentType,
        Map<String, Long> sourceRevisions, List<String> causes, String traceparent, Instant sourceChangedAt,
        Instant publishedAt, Long latencyMs, Instant receivedAt) {

    public static final String PUBLISHED = "published";
    public static final String REMOVED = "removed";

    static LiveNotice of(String id, SiteChange change) {
        Instant changedAt = change.provenance().sourceChangedAt();
        Long latency = changedAt == null || change.publishedAt() == null ? null
                : Duration.between(changedAt, change.publishedAt()).toMillis();
        return new LiveNotice(id, change.removed() ? REMOVED : PUBLISHED, change.path(),
                Topics.DOCUMENTS.name().equals(change.topic()) ? "document" : "page",
                change.sha256(), change.contentType(), change.provenance().sourceRevisions(), change.causes(),
                change.provenance().traceparent(), changedAt, change.publishedAt(), latency, change.appliedAt());
    }
}
