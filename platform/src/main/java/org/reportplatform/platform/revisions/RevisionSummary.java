package org.reportplatform.platform.revisions;

import java.time.Instant;
import java.util.List;

/**
 * One revision of a resource, as its history lists it.
 *
 * @param revision  1, 2, 3...
 * @param updatedAt when the change was accepted
 * @param updatedBy who made it (a team, or {@code admin:<token name>})
 * @param changed   the fields whose value differs from the revision before (all of them for a
 *                  creation or a return after a deletion; none for a deletion)
 * @param deleted   whether this revision deleted the resource
 */
public record RevisionSummary(long revision, Instant updatedAt, String updatedBy, List<String> changed, boolean deleted) {

    public RevisionSummary {
        changed = List.copyOf(changed);
    }
}
