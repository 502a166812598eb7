package org.reportplatform.content.editions;

import java.util.List;

/**
 * The body of {@code POST /api/editions/{edition}}: either {@code from} (an edition to copy, and
 * optionally the new {@code title}), or an empty edition's {@code title}, {@code sourceLanguage}
 * and {@code targetLanguages}.
 */
public record NewEditionRequest(String from, String title, String sourceLanguage, List<String> targetLanguages) {
}
