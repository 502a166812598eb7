package org.reportplatform.figures.indicators;

import java.time.Instant;
import java.util.Locale;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.IndicatorType;

/**
 * An indicator as the API shows it. {@code value} is a JSON number for integer, decimal,
 * percentage and money (exact: written from the stored decimal string), a string for text.
 */
public record Indicator(
        String edition,
        String id,
        String label,
        String type,
        @io.swagger.v3.oas.annotations.media.Schema(description = "a JSON number for integer, decimal, percentage and money "
                + "(exact: written from the stored decimal string), a string for text; null when not entered yet (an "
                + "indicator copied into a new edition)", example = "4445", nullable = true)
        @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.ALWAYS)
        Object value,
        String currency,
        String unit,
        String period,
        String source,
        @io.swagger.v3.oas.annotations.media.Schema(description = "label, unit and source in other languages, by language")
        java.util.Map<String, IndicatorText> texts,
        String ownerTeam,
        long revision,
        Instant updatedAt,
        String updatedBy,
        String updatedByName) implements AtRevision {

    /** The same indicator named at another revision (a dry run shows the result at the current one). */
    Indicator atRevision(long at) {
        return new Indicator(edition, id, label, type, value, currency, unit, period, source, texts, ownerTeam, at, updatedAt, updatedBy,
                updatedByName);
    }

    static Indicator of(IndicatorChanged event) {
        IndicatorState s = event.getIndicator();
        return new Indicator(event.getEdition(), event.getIndicatorId(), s.getLabel(), typeOf(s), valueOf(s), s.getCurrency(),
                s.getUnit(), s.getPeriod(), s.getSource(), textsOf(s), s.getOwnerTeam(), event.getRevision(),
                event.getMetadata().getOccurredAt(), event.getMetadata().getActor(),
                RevisionSummary.nameOf(event.getMetadata().getActor(), event.getMetadata().getActorName()));
    }

    /** The texts in other languages, by language in alphabetical order. */
    static java.util.Map<String, IndicatorText> textsOf(IndicatorState state) {
        java.util.Map<String, IndicatorText> texts = new java.util.TreeMap<>();
        state.getTexts().forEach((language, text) -> texts.put(language, IndicatorText.of(text)));
        return texts;
    }

    /**
     * The value as the API shows it: a JSON number (exact, from the stored decimal string), a
     * string for text, null when it was not entered yet (an indicator copied into a new edition
     * stores the empty string).
     */
    public static Object valueOf(IndicatorState state) {
        if (state.getValue().isEmpty()) {
            return null;
        }
        return state.getType() == IndicatorType.TEXT ? state.getValue() : new java.math.BigDecimal(state.getValue());
    }

    /** The type as the API names it: {@code integer}, {@code money}... */
    public static String typeOf(IndicatorState state) {
        return state.getType().name().toLowerCase(Locale.ROOT);
    }
}
