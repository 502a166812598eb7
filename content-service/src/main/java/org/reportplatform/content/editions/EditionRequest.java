package org.reportplatform.content.editions;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code PUT /api/editions/{edition}}: what an admin may change. Every field is
 * required (the edition's whole description, as GET gives it); read-only fields of the edition
 * (status, revision...) may be sent back and are ignored.
 */
public record EditionRequest(String title, Map<String, String> titles, List<String> targetLanguages, Boolean staleNotice) {
}
