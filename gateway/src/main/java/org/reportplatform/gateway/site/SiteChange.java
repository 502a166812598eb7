package org.reportplatform.gateway.site;

import java.time.Instant;
import java.util.List;
import org.reportplatform.gateway.site.SiteEntry.Provenance;

/**
 * A live change of the served report, once the initial read is done: what the live stream
 * (SSE) tells the web team.
 *
 * @param path        the URL path that changed
 * @param topic       the topic the change came from
 * @param removed     true when the output was deleted (a tombstone)
 * @param sha256      the new content's SHA-256, or null when removed
 * @param contentType the new content's type, or null when removed
 * @param causes      event ids of the changes that caused the rebuild (empty when removed)
 * @param publishedAt when the render service published it, or null when removed
 * @param provenance  source revisions, trace context, time of the causing change ({@link Provenance#NONE} when removed)
 * @param appliedAt   when this gateway applied it to its view
 */
public record SiteChange(String path, String topic, boolean removed, String sha256, String contentType,
        List<String> causes, Instant publishedAt, Provenance provenance, Instant appliedAt) {

    public SiteChange {
        causes = List.copyOf(causes);
        provenance = provenance == null ? Provenance.NONE : provenance;
    }

    static SiteChange updated(SiteEntry entry, Instant appliedAt) {
        return new SiteChange(entry.path(), entry.topic(), false, entry.sha256(), entry.contentType().toString(),
                entry.causes(), entry.publishedAt(), entry.provenance(), appliedAt);
    }

    static SiteChange removed(String topic, String path, Instant appliedAt) {
        return new SiteChange(path, topic, true, null, null, List.of(), null, Provenance.NONE, appliedAt);
    }
}
