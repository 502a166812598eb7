package org.reportplatform.platform.revisions;

/**
 * A resource as the API shows it, at one revision of its history: its entity tag is that revision.
 * The records that views are made of ({@code long revision} among their components) implement it as is.
 */
public interface AtRevision {

    long revision();

    /** The strong entity tag of this revision, as sent in ETag and expected in If-Match: {@code "7"}. */
    default String etag() {
        return "\"" + revision() + "\"";
    }
}
