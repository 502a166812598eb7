package org.reportplatform.platform.editions;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.EditionState;

/**
 * An edition of the report (one year) as the API and the writers see it: its titles, the
 * language its chapters are written in and those they are translated into, and where it stands
 * (being prepared, published, closed). content-service writes editions; figures-service follows
 * them ({@link EditionsFollower}) to refuse changes to a closed edition's figures.
 *
 * @param titles          the title in each target language that has one
 * @param targetLanguages the languages it is translated into, in the order the site lists them
 * @param accessibilityBlocking whether a text with accessibility findings is refused publication (else they are warnings)
 * @param copiedFrom      the edition it was started from, or null
 * @param revision        0 for an edition known only from its chapters (older data: see {@link #implicit})
 */
public record Edition(
        String edition,
        String title,
        Map<String, String> titles,
        String sourceLanguage,
        List<String> targetLanguages,
        Status status,
        boolean staleNotice,
        boolean accessibilityBlocking,
        String copiedFrom,
        Instant publishedAt,
        Instant closedAt,
        long revision) implements AtRevision {

    /** Where an edition stands; in JSON in lowercase: {@code "preparing"}, {@code "published"}, {@code "closed"}. */
    public enum Status {
        /** Being written: not public (no public page, no PDF). */
        PREPARING,
        /** Public, and still edited. */
        PUBLISHED,
        /** Public and read-only: a correction is an erratum on a chapter. */
        CLOSED;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public Edition {
        titles = Map.copyOf(titles);
        targetLanguages = List.copyOf(targetLanguages);
    }

    /** The edition an event leaves; the event must hold a state (not a deletion). */
    public static Edition of(EditionChanged event) {
        EditionState state = event.getState();
        return new Edition(event.getEdition(), state.getTitle(), new TreeMap<>(state.getTitles()), state.getSourceLanguage(),
                state.getTargetLanguages(), Status.valueOf(state.getStatus().name()), state.getStaleNotice(), state.getAccessibilityBlocking(),
                state.getCopiedFrom(),
                state.getPublishedAt(), state.getClosedAt(), event.getRevision());
    }

    /**
     * An edition that has chapters but no event of its own (data written before editions had
     * one): published, in its chapters' language, with no target language, at revision 0. Its
     * title is its year until someone gives it one.
     */
    public static Edition implicit(String edition, String chapterLanguage) {
        return new Edition(edition, edition, Map.of(), chapterLanguage, List.of(), Status.PUBLISHED, true, false, null, null, null, 0);
    }

    @JsonIgnore
    public boolean isClosed() {
        return status == Status.CLOSED;
    }

    /** Published or closed: it has public pages. */
    @JsonIgnore
    public boolean isPublic() {
        return status != Status.PREPARING;
    }

    /** The source language, then the target languages. */
    @JsonIgnore
    public List<String> languages() {
        List<String> languages = new ArrayList<>();
        languages.add(sourceLanguage);
        languages.addAll(targetLanguages);
        return List.copyOf(languages);
    }

    /** Its state as an event carries it. */
    public EditionState state() {
        return EditionState.newBuilder().setTitle(title).setTitles(titles).setSourceLanguage(sourceLanguage)
                .setTargetLanguages(targetLanguages).setStatus(org.reportplatform.schemas.EditionStatus.valueOf(status.name()))
                .setStaleNotice(staleNotice).setAccessibilityBlocking(accessibilityBlocking).setCopiedFrom(copiedFrom).setPublishedAt(publishedAt).setClosedAt(closedAt).build();
    }
}
