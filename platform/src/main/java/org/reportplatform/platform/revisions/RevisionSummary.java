package org.reportplatform.platform.revisions;

import java.time.Instant;
import java.util.List;

/**
 * One revision of a resource, as its history lists it.
 *
 * @param revision  1, 2, 3...
 * @param updatedAt when the change was accepted
 * @param updatedBy     who made it: the account id (older events: a team, or {@code admin:<token name>})
 * @param updatedByName the person's display name when they made it (older events: {@code updatedBy})
 * @param changed   the fields whose value differs from the revision before (all of them for a
 *                  creation or a return after a deletion; none for a deletion)
 * @param deleted   whether this revision deleted the resource
 */
public record RevisionSummary(long revision, Instant updatedAt, String updatedBy, String updatedByName,
        List<String> changed, boolean deleted) {

    public RevisionSummary {
        changed = List.copyOf(changed);
    }

    /** The name a history shows for an actor: the person's, or the actor itself for older events. */
    public static String nameOf(String actor, String actorName) {
        return actorName != null ? actorName : actor;
    }
}
