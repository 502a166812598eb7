package org.reportplatform.platform.revisions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.LogPosition;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.Topic;

/**
 * A family without editions (accounts, tokens) keys its events by the id alone and passes null as
 * the edition. Only the in-memory side of the book is used here: nothing is read back from Kafka.
 */
class RevisionBookWithoutEditionTest {

    record Item(String id, String title, long revision) implements AtRevision {
    }

    static final Topic<ChapterChanged> TOPIC = new Topic<>("kit-test.items.v1", ChapterChanged.class, 1, Topic.Retention.FOREVER, 1024);

    static final ResourceFamily<ChapterChanged, ChapterState, Item> ITEMS = new ResourceFamily<>("item", TOPIC,
            new Revisioned<>(ChapterChanged::getSlug, ChapterChanged::getRevision, ChapterChanged::getMetadata, ChapterChanged::getChapter),
            e -> new Item(e.getSlug(), e.getChapter().getTitle(), e.getRevision()), Comparator.comparing(Item::id), List.of("title"));

    @Test
    void aResourceIsFoundByItsIdAloneAndListedWithoutAnEdition() {
        // Given a book of items keyed by their id, holding b (two revisions) and a
        RevisionBook<ChapterChanged, ChapterState, Item> book = new RevisionBook<>(ITEMS,
                new RevisionReader<>(TOPIC, null, Duration.ofSeconds(1)));
        book.apply(event("b", 1, "B"), new LogPosition(0, 0));
        book.apply(event("a", 1, "A"), new LogPosition(0, 1));
        book.apply(event("b", 2, "B2"), new LogPosition(0, 2));

        // When it is asked with a null edition
        // Then it finds each item by id, lists them all in the family's order, and says 404 plainly
        assertThat(book.keyOf(event("b", 3, "x"))).isEqualTo("b");
        assertThat(book.requireCurrent(null, "b")).isEqualTo(new Item("b", "B2", 2));
        assertThat(book.list(null)).extracting(Item::id).containsExactly("a", "b");
        assertThat(book.lastRevision(null, "b")).hasValue(2);
        assertThat(book.revisions(null, "b", RevisionPaging.ALL).revisions()).extracting(RevisionSummary::revision)
                .containsExactly(1L, 2L);
        assertThatThrownBy(() -> book.requireCurrent(null, "c")).isInstanceOf(ApiException.class).hasMessage("no item c");
    }

    private static ChapterChanged event(String id, long revision, String title) {
        return ChapterChanged.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(Instant.parse("2025-03-01T10:00:00Z").plusSeconds(revision)).setActor("test").build())
                .setEdition("-").setSlug(id).setRevision(revision)
                .setChapter(ChapterState.newBuilder().setTitle(title).setBody("").setPosition(1).setOwnerTeam("t").setLanguage("fr").build())
                .build();
    }
}
