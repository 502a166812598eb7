package org.reportplatform.gateway.site;

import java.time.Instant;
import java.util.List;

/**
 * A live change of the served report, once the initial read is done: what the live stream
 * (SSE) tells the web team.
 *
 * @param path        the URL path that changed
 * @param topic       the topic the change came from
 * @param removed     true when the output was deleted (a tombstone)
 * @param sha256      the new content's SHA-256, or null when removed
 * @param causes      event ids of the changes that caused the rebuild (empty when removed)
 * @param publishedAt when the render service published it, or null when removed
 */
public record SiteChange(String path, String topic, boolean removed, String sha256, List<String> causes,
        Instant publishedAt) {

    public SiteChange {
        causes = List.copyOf(causes);
    }

    static SiteChange updated(SiteEntry entry) {
        return new SiteChange(entry.path(), entry.topic(), false, entry.sha256(), entry.causes(), entry.publishedAt());
    }

    static SiteChange removed(String topic, String path) {
        return new SiteChange(path, topic, true, null, List.of(), null);
    }
}
