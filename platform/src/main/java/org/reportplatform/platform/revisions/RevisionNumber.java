package org.reportplatform.platform.revisions;

import org.reportplatform.platform.errors.ApiException;

/** A revision number taken from a request (path segment or query parameter). */
public final class RevisionNumber {

    private RevisionNumber() {
    }

    /** The revision {@code value} names; 400 naming {@code field} unless it is a whole number of 1 or more. */
    public static long parse(String field, String value) {
        try {
            long revision = Long.parseLong(value.strip());
            if (revision >= 1) {
                return revision;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest(field, "must be a revision number: 1, 2, 3...");
    }
}
