package org.reportplatform.gateway.studio.home;

import java.time.Instant;
import org.reportplatform.gateway.studio.StudioLabels;
import org.reportplatform.gateway.studio.drafts.Draft;
import tools.jackson.databind.JsonNode;

/**
 * One line of the « Calendrier de publication »: a chapter's draft or a key figure's value that
 * will be published by itself at a time.
 *
 * @param what          « Chapitre » or « Chiffre clé »
 * @param title         the chapter's title, or the figure's label with its value as it will be printed
 * @param link          its editor in the studio
 * @param at            the instant (ISO), for {@code <time datetime>} and the person's own zone
 * @param chosen        the time as it was chosen, in its zone: « 26 juin 2025 à 09:00 (Genève) »
 * @param timeZone      the zone it was chosen in
 * @param scheduledBy   who set it (the last change's author)
 * @param state         the draft's review state; null for a figure
 */
public record CalendarEntry(String what, String title, String link, String at, String chosen, String timeZone, String scheduledBy,
                            String state) implements Comparable<CalendarEntry> {

    static CalendarEntry of(Draft draft, String edition) {
        return new CalendarEntry("Chapitre", draft.title(), "/studio/" + edition + "/chapitres/" + draft.slug(), draft.schedule().at(),
                draft.schedule().said(), draft.schedule().timeZone(), draft.updatedByName(), draft.state());
    }

    static CalendarEntry ofIndicator(JsonNode scheduled, String edition) {
        JsonNode indicator = scheduled.path("indicator");
        String id = scheduled.path("indicatorId").asString("");
        String name = scheduled.path("updatedByName").asString("");
        return new CalendarEntry("Chiffre clé", indicator.path("label").asString(id) + " : " + StudioLabels.indicatorValue(indicator),
                "/studio/" + edition + "/chiffres/" + id, scheduled.path("at").asString(""),
                StudioLabels.scheduled(scheduled.path("localDateTime").asString(""), scheduled.path("timeZone").asString("")),
                scheduled.path("timeZone").asString(""), name.isBlank() ? scheduled.path("updatedBy").asString("") : name, null);
    }

    /** The instant in the studio's zone, what the server shows before the browser says the person's own. */
    public String inStudioZone(StudioLabels labels) {
        return labels.dateTime(at) + " (" + StudioLabels.zoneName(labels.zone()) + ")";
    }

    @Override
    public int compareTo(CalendarEntry other) {
        Instant mine = StudioLabels.instant(at);
        Instant theirs = StudioLabels.instant(other.at);
        if (mine == null || theirs == null) {
            return mine == null ? (theirs == null ? 0 : 1) : -1;
        }
        return mine.compareTo(theirs);
    }
}
