package org.reportplatform.platform.revisions;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What a write (a PUT, a restore, a move) leaves: the resource as it is now, and whether the write
 * created it (or brought it back after a deletion).
 */
public record Written<R extends AtRevision>(R resource, boolean created) {

    /** 201 for a creation, 200 otherwise. */
    public HttpStatus status() {
        return created ? HttpStatus.CREATED : HttpStatus.OK;
    }

    /** The plain answer: {@link #status}, the resource's revision as ETag, the resource as body. */
    public ResponseEntity<R> answer() {
        return ResponseEntity.status(status()).eTag(resource.etag()).body(resource);
    }
}
