package org.reportplatform.content.drafts;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.reportplatform.platform.log.LogPosition;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.revisions.ResourceFamily;
import org.reportplatform.platform.revisions.RevisionBook;
import org.reportplatform.platform.revisions.RevisionPage;
import org.reportplatform.platform.revisions.RevisionPaging;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.platform.scheduling.DueSchedules;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.PublicationSchedule;
import org.reportplatform.schemas.DraftState;
import org.reportplatform.schemas.Topics;

/**
 * The open draft of every chapter, and the history of each chapter's drafts, as replayed from
 * report.drafts.v1 (the chapters' own and their translations'). As it applies an event (replay included) it tells the chapter
 * {@link DueSchedules} what is now scheduled, so the index of due publications is exactly what
 * the log says.
 */
public class DraftBook extends RevisionBook<DraftChanged, DraftState, Draft> {

    /**
     * What is specific to drafts: keyed like what they become, {edition}/{slug} for a chapter's,
     * {edition}/{slug}/{language} for a translation's; title and body diffed line by line.
     */
    public static final ResourceFamily<DraftChanged, DraftState, Draft> DRAFTS = new ResourceFamily<>("draft", Topics.DRAFTS,
            new Revisioned<>(e -> DraftKey.of(e).recordKey(), DraftChanged::getRevision, DraftChanged::getMetadata, DraftChanged::getDraft),
            Draft::of, Comparator.comparing(Draft::slug).thenComparing(d -> d.language() == null ? "" : d.language()),
            List.of("title", "body"));

    private volatile DueSchedules schedules;

    public DraftBook(RevisionReader<DraftChanged> log) {
        super(DRAFTS, log);
    }

    /**
     * From now on, plans and cancels each draft's publication in {@code schedules} as events are
     * applied; the drafts already applied are planned at once (in practice none: the bean is
     * wired before the log replays).
     */
    synchronized void planIn(DueSchedules schedules) {
        this.schedules = schedules;
        list(null).forEach(draft -> schedules.track(keyOf(draft), draft.schedule() == null ? null : draft.schedule().at()));
    }

    @Override
    public void apply(DraftChanged event, LogPosition position) {
        super.apply(event, position);
        DueSchedules due = schedules;
        if (due != null) {
            // From the event itself: a closed draft (no state) or one without a schedule has nothing due.
            PublicationSchedule schedule = event.getDraft() == null ? null : event.getDraft().getSchedule();
            due.track(keyOf(event), schedule == null ? null : schedule.getAt());
        }
    }

    /**
     * Who last changed the draft's title or body (the account id): the newest revision whose
     * summary names either field (a new draft's first revision names every field).
     */
    Optional<String> lastTextAuthor(String edition, String id) {
        OptionalLong before = OptionalLong.empty();
        while (true) {
            RevisionPage page = revisions(edition, id, new RevisionPaging(before, RevisionPaging.DEFAULT_LIMIT));
            List<RevisionSummary> summaries = page.revisions();
            for (int i = summaries.size() - 1; i >= 0; i--) {
                RevisionSummary summary = summaries.get(i);
                if (summary.changed().contains("title") || summary.changed().contains("body")) {
                    return Optional.of(summary.updatedBy());
                }
            }
            if (page.nextBefore().isEmpty()) {
                return Optional.empty();
            }
            before = page.nextBefore();
        }
    }

    private static String keyOf(Draft draft) {
        return draft.key().recordKey();
    }
}
