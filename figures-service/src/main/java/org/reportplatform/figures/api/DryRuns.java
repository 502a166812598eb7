package org.reportplatform.figures.api;

import org.reportplatform.platform.revisions.AtRevision;
import org.springframework.http.ResponseEntity;

/**
 * The answer to a PUT's dry run ({@code ?dryRun=true}): 200 with the resource as the PUT would
 * leave it, named at its current revision (its ETag, for the If-Match of the real PUT; none for a
 * resource that never existed, at revision 0). Never 201: nothing was created.
 */
public final class DryRuns {

    private DryRuns() {
    }

    public static <R extends AtRevision> ResponseEntity<R> answer(R resource) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (resource.revision() > 0) {
            ok.eTag(resource.etag());
        }
        return ok.body(resource);
    }
}
