package org.reportplatform.gateway.studio.drafts;

import java.util.ArrayList;
import java.util.List;
import org.reportplatform.gateway.studio.StudioLabels;
import tools.jackson.databind.JsonNode;

/**
 * A chapter's open draft as content-service answers it ({@code GET …/chapters/{slug}/draft}, or an
 * entry of {@code GET …/drafts}), with what the studio says about it in French: its state
 * (« Brouillon », « Soumis pour relecture », …), its notes and its publication time.
 *
 * @param language        null for a chapter's own draft; the target language of a translation's draft
 * @param baseRevision    the chapter revision the draft started from (or was merged with)
 * @param chapterRevision the published chapter's current revision
 * @param stale           the chapter's title or text changed since {@code baseRevision}: publishing will ask to merge
 * @param review          the API's review state: editing, submitted, changes-requested, approved
 * @param schedule        when it will be published; null when not scheduled
 * @param revision        the draft's own revision (its ETag: sent as If-Match)
 */
public record Draft(String edition, String slug, String language, String title, String body, long baseRevision, long chapterRevision, boolean stale,
                    String ownerTeam, String review, boolean reviewRequired, List<DraftNote> notes, Schedule schedule, long revision,
                    String updatedAt, String updatedByName) {

    /** When a scheduled draft will be published: the instant, and the time as the person chose it in their zone. */
    public record Schedule(String at, String localDateTime, String timeZone) {

        /** « le 26 juin 2025 à 09:00 (Genève) ». */
        public String said() {
            return StudioLabels.scheduled(localDateTime, timeZone);
        }
    }

    public static Draft of(JsonNode json) {
        List<DraftNote> notes = new ArrayList<>();
        for (JsonNode note : json.path("notes")) {
            notes.add(DraftNote.of(note));
        }
        JsonNode schedule = json.path("schedule");
        String name = json.path("updatedByName").asString("");
        return new Draft(json.path("edition").asString(""), json.path("slug").asString(""),
                json.path("language").isString() ? json.path("language").asString() : null, json.path("title").asString(""),
                json.path("body").asString(""), json.path("baseRevision").asLong(-1), json.path("chapterRevision").asLong(-1),
                json.path("stale").asBoolean(false), json.path("ownerTeam").asString(""), json.path("review").asString("editing"),
                json.path("reviewRequired").asBoolean(false), List.copyOf(notes),
                schedule.isObject() ? new Schedule(schedule.path("at").asString(""), schedule.path("localDateTime").asString(""),
                        schedule.path("timeZone").asString("")) : null,
                json.path("revision").asLong(-1), json.path("updatedAt").asString(""),
                name.isBlank() ? json.path("updatedBy").asString("") : name);
    }

    /** The review state in words: « Brouillon », « Soumis pour relecture », « Modifications demandées », « Approuvé ». */
    public String state() {
        return switch (review) {
            case "submitted" -> "Soumis pour relecture";
            case "changes-requested" -> "Modifications demandées";
            case "approved" -> "Approuvé";
            default -> "Brouillon";
        };
    }

    /** The chapter's badge beside « Publié » on the home: a draft is open, and where it stands. */
    public String inProgress() {
        return switch (review) {
            case "submitted" -> "Brouillon soumis pour relecture";
            case "changes-requested" -> "Brouillon : modifications demandées";
            case "approved" -> "Brouillon approuvé";
            default -> "Brouillon en cours";
        };
    }

    /** The CSS class of the state's badge (the word says the state; the colour only repeats it). */
    public String stateClass() {
        return "draft-" + (review.matches("[a-z-]{1,30}") ? review : "editing");
    }

    public boolean scheduled() {
        return schedule != null;
    }

    public boolean submitted() {
        return review.equals("submitted");
    }

    public boolean approved() {
        return review.equals("approved");
    }

    /** Publishing now is refused until a reviewer approved, when the edition requires review. */
    public boolean mayPublish() {
        return !reviewRequired || approved();
    }

    /** The newest note first, as a history of the review reads best. */
    public List<DraftNote> notesNewestFirst() {
        List<DraftNote> newest = new ArrayList<>(notes);
        java.util.Collections.reverse(newest);
        return newest;
    }

    /** The reviewer's request the team has to answer: the last note asking for changes while the draft is in that state; null otherwise. */
    public DraftNote changesRequested() {
        if (!review.equals("changes-requested")) {
            return null;
        }
        for (int i = notes.size() - 1; i >= 0; i--) {
            if (notes.get(i).kind().equals("changes-requested")) {
                return notes.get(i);
            }
        }
        return null;
    }

    /** The last change's date in words; "—" when unknown. */
    public String updated(StudioLabels labels) {
        return labels.dateTime(updatedAt);
    }
}
