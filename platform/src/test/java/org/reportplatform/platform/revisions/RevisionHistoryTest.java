package org.reportplatform.platform.revisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reportplatform.platform.revisions.RevisionedTest.CHAPTERS;
import static org.reportplatform.platform.revisions.RevisionedTest.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.reportplatform.platform.log.LogPosition;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.EventMetadata;

/**
 * The history keeps each key's latest event and a summary and position per revision; older
 * revisions come back through its read-back function. Here that function reads a list standing
 * for the topic (position = index), so the test sees exactly what is read back and when.
 */
class RevisionHistoryTest {

    private final List<ChapterChanged> topic = new ArrayList<>();
    private final List<List<LogPosition>> reads = new ArrayList<>();
    private final RevisionHistory<ChapterChanged, ChapterState> history = CHAPTERS.newHistory(positions -> {
        reads.add(positions);
        return positions.stream().map(p -> topic.get((int) p.offset())).toList();
    });

    @Test
    void summariesNameWhoWhenAndWhatChangedWithoutReadingTheLog() {
        // Given a chapter created, edited, moved, deleted and brought back, and another chapter between
        append("enfants", 1, "admin:demo-admin", state("Enfants", "Premier texte.\n", 9));
        append("femmes", 1, "admin:demo-admin", state("Femmes", "Texte.\n", 10));
        append("enfants", 2, "enfants", state("Enfants", "Deuxième texte.\n", 9));
        append("enfants", 3, "admin:demo-admin", state("Enfants", "Deuxième texte.\n", 4));
        append("enfants", 4, "admin:demo-admin", null);
        append("enfants", 5, "admin:demo-admin", state("Enfants", "Premier texte.\n", 4));

        // When its history is listed
        List<RevisionSummary> summaries = history.summaries("2024/enfants");

        // Then it is what summarising the whole events gives, and nothing was read back
        List<ChapterChanged> enfants = topic.stream().filter(e -> e.getSlug().equals("enfants")).toList();
        assertThat(summaries).isEqualTo(CHAPTERS.summaries(enfants));
        assertThat(summaries.get(1).updatedAt()).isEqualTo(Instant.parse("2025-03-01T10:00:02Z"));
        assertThat(history.lastRevision("2024/enfants")).hasValue(5);
        assertThat(history.keys()).containsExactly("2024/enfants", "2024/femmes");
        assertThat(reads).isEmpty();
    }

    @Test
    void theLatestRevisionComesFromMemoryAnOlderOneFromTheLog() {
        append("enfants", 1, "a", state("Enfants", "Un.\n", 1));
        append("femmes", 1, "a", state("Femmes", "Texte.\n", 2));
        append("enfants", 2, "a", state("Enfants", "Deux.\n", 1));

        assertThat(history.at("2024/enfants", 2)).get().extracting(e -> e.getChapter().getBody()).isEqualTo("Deux.\n");
        assertThat(reads).isEmpty();

        assertThat(history.at("2024/enfants", 1)).get().extracting(e -> e.getChapter().getBody()).isEqualTo("Un.\n");
        assertThat(reads).containsExactly(List.of(new LogPosition(0, 0)));

        assertThat(history.at("2024/enfants", 3)).isEmpty();
        assertThat(history.at("2024/enfants", 0)).isEmpty();
        assertThat(history.at("2024/migrants", 1)).isEmpty();
        assertThat(history.has("2024/enfants", 1)).isTrue();
        assertThat(history.has("2024/enfants", 3)).isFalse();
    }

    @Test
    void severalRevisionsAreReadBackInOneRead() {
        for (int revision = 1; revision <= 5; revision++) {
            append("enfants", revision, "a", state("Enfants", "Version " + revision + ".\n", 1));
        }

        List<ChapterChanged> events = history.at("2024/enfants", List.of(4L, 1L, 5L));

        assertThat(events).extracting(ChapterChanged::getRevision).containsExactly(4L, 1L, 5L);
        assertThat(reads).containsExactly(List.of(new LogPosition(0, 3), new LogPosition(0, 0)));
        assertThat(history.events("2024/enfants")).isEqualTo(topic);
    }

    @Test
    void aHistoryIsListedInPagesNewestFirstEachOldestFirst() {
        // Given a chapter with 250 revisions
        for (int revision = 1; revision <= 250; revision++) {
            append("enfants", revision, "a", state("Enfants", "Version " + revision + ".\n", 1));
        }

        // When it is listed 100 at a time, following each page's next link
        RevisionPage newest = history.page("2024/enfants", new RevisionPaging(OptionalLong.empty(), 100));
        RevisionPage middle = history.page("2024/enfants", new RevisionPaging(newest.nextBefore(), 100));
        RevisionPage oldest = history.page("2024/enfants", new RevisionPaging(middle.nextBefore(), 100));

        // Then the pages are 151..250, 51..150 and 1..50, and the last one has no next
        assertThat(newest.revisions()).extracting(RevisionSummary::revision).first().isEqualTo(151L);
        assertThat(newest.revisions()).extracting(RevisionSummary::revision).last().isEqualTo(250L);
        assertThat(newest.nextBefore()).hasValue(151);
        assertThat(middle.revisions()).extracting(RevisionSummary::revision).first().isEqualTo(51L);
        assertThat(middle.revisions()).hasSize(100);
        assertThat(oldest.revisions()).extracting(RevisionSummary::revision).containsExactlyElementsOf(
                java.util.stream.LongStream.rangeClosed(1, 50).boxed().toList());
        assertThat(oldest.nextBefore()).isEmpty();
        assertThat(history.page("2024/enfants", new RevisionPaging(OptionalLong.of(1), 100)).revisions()).isEmpty();
        assertThat(history.page("2024/never", new RevisionPaging(OptionalLong.empty(), 100)).revisions()).isEmpty();
        assertThat(reads).isEmpty();
    }

    @Test
    void aLongHistoryKeepsOneWholeEventAndOneSummaryPerRevision() {
        // 100,000 revisions of one chapter: appending stays linear (a quadratic one would not finish)
        for (int revision = 1; revision <= 100_000; revision++) {
            append("enfants", revision, revision % 2 == 0 ? "enfants" : "admin:demo-admin",
                    state("Enfants", "Version " + revision + ".\n", 1));
        }

        assertThat(history.size()).isEqualTo(100_000);
        assertThat(history.latest("2024/enfants")).get().extracting(ChapterChanged::getRevision).isEqualTo(100_000L);
        assertThat(history.page("2024/enfants", new RevisionPaging(OptionalLong.of(50_001), 2)).revisions())
                .extracting(RevisionSummary::revision).containsExactly(49_999L, 50_000L);
        // Summaries share their actor names and changed-field lists instead of holding copies
        List<RevisionSummary> summaries = history.summaries("2024/enfants");
        assertThat(summaries.get(3).updatedBy()).isSameAs(summaries.get(5).updatedBy());
        assertThat(summaries.get(3).changed()).isSameAs(summaries.get(4).changed()).containsExactly("body");
    }

    private void append(String slug, long revision, String actor, ChapterState state) {
        ChapterChanged event = ChapterChanged.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(slug + revision)
                        .setOccurredAt(Instant.parse("2025-03-01T10:00:00Z").plusSeconds(revision)).setActor(actor).build())
                .setEdition("2024").setSlug(slug).setRevision(revision).setChapter(state).build();
        topic.add(event);
        history.apply(event, new LogPosition(0, topic.size() - 1));
    }
}
