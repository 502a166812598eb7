package org.reportplatform.platform.revisions;

import java.util.OptionalLong;
import org.reportplatform.platform.errors.ApiException;

/**
 * Which page of a history a request asks for ({@code GET .../revisions?limit=&before=}): the
 * {@code limit} newest revisions before revision {@code before} (before the end when absent).
 * A page lists its revisions oldest first, like the whole history; the next page holds the older ones.
 *
 * @param before the first revision not to list; empty for the newest revisions
 * @param limit  how many revisions a page lists at most
 */
public record RevisionPaging(OptionalLong before, int limit) {

    /** What a page lists when the request does not say. */
    public static final int DEFAULT_LIMIT = 100;
    /** The most a page lists, so no answer grows with the length of a history. */
    public static final int MAX_LIMIT = 1_000;
    /** Every revision: for callers inside the service, never for a request. */
    static final RevisionPaging ALL = new RevisionPaging(OptionalLong.empty(), Integer.MAX_VALUE);

    public RevisionPaging {
        if (limit < 1) {
            throw new IllegalArgumentException("a page lists at least one revision");
        }
    }

    /** The paging of a request's {@code limit} and {@code before} parameters (either may be absent); 400 naming the bad one. */
    public static RevisionPaging of(String limit, String before) {
        int size = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException e) {
                size = 0;
            }
            if (size < 1 || size > MAX_LIMIT) {
                throw ApiException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT + " (default " + DEFAULT_LIMIT + ")");
            }
        }
        return new RevisionPaging(before == null ? OptionalLong.empty() : OptionalLong.of(RevisionNumber.parse("before", before)), size);
    }
}
