package org.reportplatform.platform.revisions;

import java.util.List;
import java.util.OptionalLong;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One page of a resource's history, oldest first.
 *
 * @param revisions  the revisions of the page
 * @param nextBefore where the next page (the older revisions) ends: its {@code before}; empty
 *                   when this page reaches back to revision 1
 */
public record RevisionPage(List<RevisionSummary> revisions, OptionalLong nextBefore) {

    public RevisionPage {
        revisions = List.copyOf(revisions);
    }

    /**
     * The answer to {@code GET .../revisions}: the page as a JSON array (what the whole history
     * was before pages existed), and, when there are older revisions, a
     * {@code Link: <...?before=n&limit=k>; rel="next"} header (RFC 8288) to them.
     */
    public ResponseEntity<List<RevisionSummary>> answer(ServerHttpRequest request, RevisionPaging paging) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
        if (nextBefore.isPresent()) {
            String next = UriComponentsBuilder.fromPath(request.getPath().value())
                    .queryParam("before", nextBefore.getAsLong())
                    .queryParam("limit", paging.limit())
                    .build().toUriString();
            answer.header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"");
        }
        return answer.body(revisions);
    }
}
