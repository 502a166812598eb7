package org.reportplatform.render.site;

import java.util.SortedMap;

/**
 * One output as just rendered: its bytes and their SHA-256 (both null when the output no longer
 * exists: it is to be deleted), the revision of every source it was built from, and the events
 * that made it be rebuilt.
 */
public record Rendition(OutputId id, String contentType, byte[] content, String sha256,
        SortedMap<String, Long> sourceRevisions, Causes causes) {

    public boolean exists() {
        return content != null;
    }

    public String path() {
        return id.path();
    }
}
