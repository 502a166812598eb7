package org.reportplatform.render.sources;

import java.util.Map;
import java.util.TreeMap;
import org.reportplatform.schemas.IndicatorType;

/**
 * A key figure of an edition. {@code value} is the exact value as a plain decimal string (or the
 * text, for {@link IndicatorType#TEXT}); it is never turned into a binary float; "" while not
 * entered yet (an edition copied from another one). {@code currency}, {@code unit}, {@code period}
 * and {@code source} may be null. {@code texts}: its label, unit and source in other languages
 * (the value is one for all languages).
 */
public record Indicator(String edition, String id, String label, IndicatorType type, String value,
        String currency, String unit, String period, String source, Map<String, Texts> texts) {

    public Indicator {
        texts = java.util.Collections.unmodifiableMap(new TreeMap<>(texts));
    }

    public Indicator(String edition, String id, String label, IndicatorType type, String value, String currency, String unit,
            String period, String source) {
        this(edition, id, label, type, value, currency, unit, period, source, Map.of());
    }

    /** Whether it has a value to show ("" is not entered yet). */
    public boolean hasValue() {
        return value != null && !value.isEmpty();
    }

    /** Label, unit and source as a page in {@code language} prints them: its texts in that language, else the source's. */
    public Indicator in(String language) {
        Texts t = language == null ? null : texts.get(language);
        if (t == null) {
            return this;
        }
        return new Indicator(edition, id, t.label(), type, value, currency, t.unit() == null ? unit : t.unit(), period,
                t.source() == null ? source : t.source(), texts);
    }

    /** An indicator's words in one language; unit and source may be null (then the source language's are printed). */
    public record Texts(String label, String unit, String source) {
    }
}
