package org.reportplatform.content.chapters;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.Topics;

/**
 * Every chapter of every edition with its whole history, as replayed from report.chapters.v1.
 * Only {@link #apply} changes it, and only with events Kafka has committed.
 */
public class ChapterBook {

    private final Map<String, List<ChapterChanged>> historyByKey = new ConcurrentHashMap<>();

    public void apply(ChapterChanged event) {
        historyByKey.computeIfAbsent(Topics.sourceKey(event.getEdition(), event.getSlug()),
                key -> new CopyOnWriteArrayList<>()).add(event);
    }

    /** The latest event of a chapter, deleted or not; empty if it never existed. */
    public Optional<ChapterChanged> latest(String edition, String slug) {
        List<ChapterChanged> history = historyByKey.get(Topics.sourceKey(edition, slug));
        return history == null || history.isEmpty() ? Optional.empty() : Optional.of(history.get(history.size() - 1));
    }

    /** The chapter as it is now; empty if it never existed or was deleted. */
    public Optional<Chapter> current(String edition, String slug) {
        return latest(edition, slug).filter(e -> e.getChapter() != null).map(Chapter::of);
    }

    /** The chapters of an edition in report order. */
    public List<Chapter> chapters(String edition) {
        String prefix = edition + "/";
        return historyByKey.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .map(e -> e.getValue().get(e.getValue().size() - 1))
                .filter(e -> e.getChapter() != null)
                .map(Chapter::of)
                .sorted(Comparator.comparingInt(Chapter::position).thenComparing(Chapter::slug))
                .toList();
    }

    /** Every revision of a chapter, oldest first. */
    public List<ChapterChanged> history(String edition, String slug) {
        return List.copyOf(historyByKey.getOrDefault(Topics.sourceKey(edition, slug), List.of()));
    }
}
