package org.reportplatform.content.editions;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /api/editions/{edition}}: what an admin may change. Every field is
 * required (the edition's whole description, as GET gives it); read-only fields of the edition
 * (status, revision...) may be sent back and are ignored. {@code accessibilityBlocking} is optional
 * (absent: unchanged), so that clients written before it keep working.
 */
public record EditionRequest(String title, Map<String, String> titles, List<String> targetLanguages, Boolean staleNotice,
        Boolean accessibilityBlocking) {

    /** A request that leaves whether accessibility findings block publication as it is. */
    public EditionRequest(String title, Map<String, String> titles, List<String> targetLanguages, Boolean staleNotice) {
        this(title, titles, targetLanguages, staleNotice, null);
    }
}
