package org.reportplatform.platform.revisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.Topics;

class RevisionedTest {

    static final Revisioned<ChapterChanged, ChapterState> CHAPTERS = new Revisioned<>(
            e -> Topics.sourceKey(e.getEdition(), e.getSlug()), ChapterChanged::getRevision,
            ChapterChanged::getMetadata, ChapterChanged::getChapter);

    @Test
    void eachRevisionSaysWhoWhenAndWhichFieldsChanged() {
        // Given a chapter created, edited, moved, deleted and brought back
        List<ChapterChanged> history = List.of(
                event(1, "admin:demo-admin", state("Enfants", "Premier texte.\n", 9)),
                event(2, "enfants", state("Enfants", "Deuxième texte.\n", 9)),
                event(3, "admin:demo-admin", state("Enfants", "Deuxième texte.\n", 4)),
                event(4, "admin:demo-admin", null),
                event(5, "admin:demo-admin", state("Enfants", "Premier texte.\n", 4)));

        // When its history is summarised
        List<RevisionSummary> summaries = CHAPTERS.summaries(history);

        // Then every revision names the fields it changed against the one before
        assertThat(summaries).extracting(RevisionSummary::revision).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(summaries).extracting(RevisionSummary::changed).containsExactly(
                List.of("title", "body", "position", "ownerTeam", "language", "errata"),
                List.of("body"),
                List.of("position"),
                List.of(),
                List.of("title", "body", "position", "ownerTeam", "language", "errata"));
        assertThat(summaries).extracting(RevisionSummary::deleted).containsExactly(false, false, false, true, false);
        assertThat(summaries.get(1).updatedBy()).isEqualTo("enfants");
        assertThat(summaries.get(1).updatedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:02Z"));
    }

    @Test
    void aRevisionIsFoundByItsNumber() {
        List<ChapterChanged> history = List.of(event(1, "a", state("T", "B", 1)), event(2, "a", state("T", "C", 1)));

        assertThat(CHAPTERS.at(history, 2)).get().extracting(e -> e.getChapter().getBody()).isEqualTo("C");
        assertThat(CHAPTERS.at(history, 3)).isEmpty();
        assertThat(CHAPTERS.at(history, 0)).isEmpty();
    }

    @Test
    void aDiffNamesTheChangedFieldsAndShowsTheTextLineByLine() {
        ChapterChanged from = event(1, "a", state("Enfants", "Ligne un.\nLigne deux.\nLigne trois.\n", 1));
        ChapterChanged to = event(3, "a", state("Les enfants", "Ligne un.\nLigne 2.\nLigne trois.\n", 2));

        RevisionDiff diff = CHAPTERS.diff(from, to, List.of("title", "body"));

        assertThat(diff.from()).isEqualTo(1);
        assertThat(diff.to()).isEqualTo(3);
        assertThat(diff.changed()).containsExactly("title", "body", "position");
        assertThat(diff.diff()).isEqualTo("""
                --- title (revision 1)
                +++ title (revision 3)
                @@ -1,1 +1,1 @@
                -Enfants
                +Les enfants
                --- body (revision 1)
                +++ body (revision 3)
                @@ -1,3 +1,3 @@
                 Ligne un.
                -Ligne deux.
                +Ligne 2.
                 Ligne trois.
                """);
    }

    @Test
    void aDeletedRevisionDiffsAsEmptyText() {
        ChapterChanged from = event(1, "a", state("Enfants", "Texte.\n", 1));
        ChapterChanged to = event(2, "a", null);

        RevisionDiff diff = CHAPTERS.diff(from, to, List.of("title", "body"));

        assertThat(diff.toDeleted()).isTrue();
        assertThat(diff.diff()).contains("@@ -1,1 +0,0 @@\n-Enfants\n").contains("@@ -1,1 +0,0 @@\n-Texte.\n");
    }

    static ChapterChanged event(long revision, String actor, ChapterState state) {
        return ChapterChanged.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId("e" + revision)
                        .setOccurredAt(Instant.parse("2025-03-01T10:00:00Z").plusSeconds(revision)).setActor(actor).build())
                .setEdition("2024").setSlug("enfants").setRevision(revision).setChapter(state).build();
    }

    static ChapterState state(String title, String body, int position) {
        return ChapterState.newBuilder().setTitle(title).setBody(body).setPosition(position).setOwnerTeam("enfants")
                .setLanguage("fr").build();
    }
}
