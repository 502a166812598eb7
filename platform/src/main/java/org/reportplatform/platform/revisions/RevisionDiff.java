package org.reportplatform.platform.revisions;

import java.util.List;

/**
 * What differs between two revisions of one resource.
 *
 * @param from        the revision compared from
 * @param to          the revision compared to
 * @param changed     the fields whose value differs (in schema order)
 * @param fromDeleted whether {@code from} is a deletion (its text counts as empty)
 * @param toDeleted   whether {@code to} is a deletion
 * @param diff        a line-based unified diff of the text fields, one file section per field
 *                    that differs ({@code --- body (revision 1)} / {@code +++ body (revision 3)});
 *                    empty when no text field differs
 */
public record RevisionDiff(long from, long to, List<String> changed, boolean fromDeleted, boolean toDeleted, String diff) {

    public RevisionDiff {
        changed = List.copyOf(changed);
    }
}
