package org.reportplatform.render.sources;

import org.reportplatform.schemas.IndicatorType;

/**
 * A key figure of an edition. {@code value} is the exact value as a plain decimal string (or the
 * text, for {@link IndicatorType#TEXT}); it is never turned into a binary float. {@code currency},
 * {@code unit}, {@code period} and {@code source} may be null.
 */
public record Indicator(String edition, String id, String label, IndicatorType type, String value,
        String currency, String unit, String period, String source) {
}
