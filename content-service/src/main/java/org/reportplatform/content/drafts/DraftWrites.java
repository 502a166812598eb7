package org.reportplatform.content.drafts;

import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.platform.editions.ClosedEditions;
import org.reportplatform.platform.editions.Edition;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.reportplatform.content.chapters.Chapter;
import org.reportplatform.content.chapters.ChapterWrites;
import org.reportplatform.platform.chapters.ChapterChecks;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.JointDecision;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.platform.scheduling.PublicationClock;
import org.reportplatform.platform.scheduling.PublicationTime;
import org.reportplatform.platform.scheduling.PublicationTimes;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.DraftClosed;
import org.reportplatform.schemas.DraftNote;
import org.reportplatform.schemas.DraftNoteKind;
import org.reportplatform.schemas.DraftOutcome;
import org.reportplatform.schemas.DraftState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.PublicationSchedule;
import org.reportplatform.schemas.ReviewState;
import org.springframework.http.HttpStatus;

/**
 * Decides every change to drafts: writing one, its review, its schedule, and publishing it as the
 * chapter's next revision.
 *
 * <p>Every decision here runs under both write locks, the chapters' then the drafts'
 * ({@link RevisionLog#writeWith} takes them in the order of the topics' names, as every joint
 * write of this service does), so the chapter a draft is compared with cannot change while the
 * decision is taken, and a publication goes out as one Kafka transaction: the chapter's next
 * revision on report.chapters.v1 and the draft closed on report.drafts.v1, both or neither. A
 * direct chapter write takes only the chapters' lock, and nothing takes the drafts' lock alone
 * before the chapters', so no two writers wait on each other in a circle. This service is the
 * single writer of both topics (its transactional id fences any other instance).
 */
public class DraftWrites {

    /** The actor of what the schedule does by itself (a failed publication's note). */
    static final String SCHEDULER = "system:publication-schedule";

    private final DraftBook drafts;
    private final PublishedChapters chapters;
    private final RevisionLog<ChapterChanged> chapterLog;
    private final RevisionLog<DraftChanged> draftLog;
    private final EventMetadataFactory metadata;
    private final ChapterProperties limits;
    private final PublicationClock clock;
    private final EditionGuard editions;

    /** @param editions refuses every change to the drafts of a closed edition (and the firing of their schedules) */
    public DraftWrites(DraftBook drafts, PublishedChapters chapters, RevisionLog<ChapterChanged> chapterLog,
            RevisionLog<DraftChanged> draftLog, EventMetadataFactory metadata, ChapterProperties limits, PublicationClock clock,
            EditionGuard editions) {
        this.editions = editions;
        this.drafts = drafts;
        this.chapters = chapters;
        this.chapterLog = chapterLog;
        this.draftLog = draftLog;
        this.metadata = metadata;
        this.limits = limits;
        this.clock = clock;
    }

    /** The open draft, if the caller may read it: 403 before 404, so only readers learn whether there is one. */
    public Draft get(String edition, String slug, Caller caller) {
        checkMayRead(edition, slug, caller);
        return chapters.view(requireOpen(edition, slug));
    }

    /** 403 unless the caller may read the chapter's drafts (its team, reviewers, admins). */
    public void checkMayRead(String edition, String slug, Caller caller) {
        checkPath(edition, slug);
        requireReader(caller, owner(edition, slug));
    }

    /** The open drafts of an edition the caller may read, in report order (drafts of deleted chapters last). */
    public List<Draft> list(String edition, boolean scheduledOnly, Caller caller) {
        ChapterChecks.checkPath(edition, null, limits.maxSlugLength());
        return drafts.list(edition).stream()
                .filter(draft -> !scheduledOnly || draft.schedule() != null)
                .map(chapters::view)
                .filter(draft -> mayRead(caller, draft.ownerTeam()))
                .sorted(Comparator.comparingInt((Draft draft) -> chapters.current(edition, draft.slug())
                        .map(Chapter::position).orElse(Integer.MAX_VALUE)).thenComparing(Draft::slug))
                .toList();
    }

    /**
     * Starts a draft ({@code If-None-Match: *}; based on the chapter's current revision) or changes
     * it ({@code If-Match}). A change of title or body after approval withdraws the approval.
     */
    public Written<Draft> put(String edition, String slug, DraftRequest request, Preconditions preconditions, Caller caller) {
        checkPath(edition, slug);
        checkText(request);
        return decide(() -> {
            Chapter chapter = chapters.requireCurrent(edition, slug);
            requireWriter(caller, chapter);
            editions.checkWritable(edition);
            Optional<DraftChanged> open = openEvent(edition, slug);
            preconditions.checkWrite(open.map(e -> OptionalLong.of(e.getRevision())).orElse(OptionalLong.empty()));
            if (request.baseRevision() != null && request.baseRevision() != chapter.revision()) {
                throw new ApiException(HttpStatus.CONFLICT, "baseRevision: " + request.baseRevision()
                        + " is not the chapter's current revision " + chapter.revision() + "; merge with revision " + chapter.revision(),
                        List.of(new ApiException.FieldProblem("baseRevision", "must be the chapter's current revision, "
                                + chapter.revision())), Map.of("currentRevision", chapter.revision()));
            }
            EventMetadata meta = metadata.by(caller);
            long next = nextRevision(edition, slug);
            if (open.isEmpty()) {
                DraftState state = DraftState.newBuilder().setTitle(request.title()).setBody(request.body())
                        .setBaseRevision(chapter.revision()).setReview(ReviewState.EDITING).setNotes(List.of()).setSchedule(null).build();
                return draftOnly(event(meta, edition, slug, next, state), true);
            }
            DraftState current = open.get().getDraft();
            boolean textChanged = !request.title().equals(current.getTitle()) || !request.body().equals(current.getBody());
            long base = request.baseRevision() == null ? current.getBaseRevision() : request.baseRevision();
            if (!textChanged && base == current.getBaseRevision()) {
                return JointDecision.nothing(new Written<>(chapters.view(Draft.of(open.get())), false));
            }
            DraftState.Builder state = DraftState.newBuilder(current).setTitle(request.title()).setBody(request.body()).setBaseRevision(base);
            if (textChanged && current.getReview() == ReviewState.APPROVED) {
                state.setReview(ReviewState.EDITING).setNotes(withNote(current, note(DraftNoteKind.APPROVAL_WITHDRAWN, meta, next, null)));
            }
            return draftOnly(event(meta, edition, slug, next, state.build()), false);
        });
    }

    /** Discards the open draft (If-Match required). */
    public void discard(String edition, String slug, Preconditions preconditions, Caller caller) {
        checkPath(edition, slug);
        decide(() -> {
            DraftChanged open = requireOpenEvent(edition, slug);
            requireWriter(caller, owner(edition, slug));
            editions.checkWritable(edition);
            preconditions.checkChange(OptionalLong.of(open.getRevision()));
            DraftChanged closed = closing(metadata.by(caller), open, DraftOutcome.DISCARDED, null, false);
            return new JointDecision<ChapterChanged, DraftChanged, Void>(List.of(), List.of(closed), null);
        });
    }

    /** Submits the draft for review (its team or an admin). */
    public Draft submit(String edition, String slug, ReviewRequest request, Preconditions preconditions, Caller caller) {
        checkPath(edition, slug);
        return review(edition, slug, preconditions, caller, (open, meta) -> {
            requireWriter(caller, owner(edition, slug));
            ReviewState review = open.getDraft().getReview();
            if (review == ReviewState.APPROVED) {
                throw conflict("review", "the draft is already approved: publish it, or change it to need a new review");
            }
            if (review == ReviewState.SUBMITTED && comment(request) == null) {
                return null;
            }
            return reviewed(open, ReviewState.SUBMITTED, note(DraftNoteKind.SUBMITTED, meta, open.getRevision(), comment(request)));
        });
    }

    /**
     * Approves the draft revision named by If-Match (required: what the reviewer read). A reviewer
     * or an admin, and never the person who last changed its text.
     */
    public Draft approve(String edition, String slug, ReviewRequest request, Preconditions preconditions, Caller caller) {
        checkPath(edition, slug);
        return review(edition, slug, preconditions, caller,
                (open, meta) -> {
                    requireReviewer(caller);
                    preconditions.checkChange(OptionalLong.of(open.getRevision()));
                    if (drafts.lastTextAuthor(edition, slug).filter(caller.accountId()::equals).isPresent()) {
                        throw ApiException.forbidden("someone else must approve: you wrote the current text of this draft");
                    }
                    if (open.getDraft().getReview() == ReviewState.APPROVED) {
                        return null;
                    }
                    return reviewed(open, ReviewState.APPROVED, note(DraftNoteKind.APPROVED, meta, open.getRevision(), comment(request)));
                });
    }

    /** Sends the draft back to its team with a comment (required), a reviewer or an admin. */
    public Draft requestChanges(String edition, String slug, ReviewRequest request, Preconditions preconditions, Caller caller) {
        checkPath(edition, slug);
        if (comment(request) == null) {
            throw ApiException.badRequest("comment", "is required: say what should change");
        }
        return review(edition, slug, preconditions, caller, (open, meta) -> {
            requireReviewer(caller);
            return reviewed(open, ReviewState.CHANGES_REQUESTED,
                    note(DraftNoteKind.CHANGES_REQUESTED, meta, open.getRevision(), comment(request)));
        });
    }

    /** Schedules (or reschedules) the draft's publication. */
    public Draft schedule(String edition, String slug, ScheduleRequest request, Preconditions preconditions, Caller caller) {
        checkPath(edition, slug);
        return review(edition, slug, preconditions, caller, (open, meta) -> {
            requireWriter(caller, owner(edition, slug));
            PublicationTime time = PublicationTimes.resolve(request == null ? null : request.at(),
                    request == null ? null : request.timeZone(), clock.now());
            PublicationSchedule schedule = PublicationSchedule.newBuilder().setAt(time.at().truncatedTo(ChronoUnit.MILLIS))
                    .setLocalDateTime(time.localDateTime().toString()).setTimeZone(time.zone().getId()).build();
            DraftState current = open.getDraft();
            if (schedule.equals(current.getSchedule())) {
                return null;
            }
            return DraftState.newBuilder(current).setSchedule(schedule)
                    .setNotes(withNote(current, note(DraftNoteKind.SCHEDULED, meta, open.getRevision(), null))).build();
        });
    }

    /** Cancels the draft's scheduled publication (the draft stays). */
    public Draft unschedule(String edition, String slug, Preconditions preconditions, Caller caller) {
        checkPath(edition, slug);
        return review(edition, slug, preconditions, caller, (open, meta) -> {
            requireWriter(caller, owner(edition, slug));
            DraftState current = open.getDraft();
            if (current.getSchedule() == null) {
                return null;
            }
            return DraftState.newBuilder(current).setSchedule(null)
                    .setNotes(withNote(current, note(DraftNoteKind.UNSCHEDULED, meta, open.getRevision(), null))).build();
        });
    }

    /**
     * Publishes the draft now: the chapter's next revision (title and body from the draft, the
     * rest as the chapter is) and the draft closed, in one transaction. If-Match optional.
     */
    public Chapter publish(String edition, String slug, Preconditions preconditions, Caller caller) {
        checkPath(edition, slug);
        return decide(() -> {
            DraftChanged open = requireOpenEvent(edition, slug);
            Chapter chapter = chapters.requireCurrent(edition, slug);
            requireWriter(caller, chapter);
            editions.checkWritable(edition);
            preconditions.checkIfPresent(OptionalLong.of(open.getRevision()));
            ApiException refusal = whyNotPublishable(open, chapter);
            if (refusal != null) {
                throw refusal;
            }
            return publishing(open, chapter, metadata.by(caller), false);
        });
    }

    /**
     * Fires a due schedule (on the scheduler's thread). Re-reads it under the locks: gone, changed
     * to a later time, or already closed means nothing to do. Otherwise it publishes exactly as
     * {@link #publish} (in the name of the person who scheduled it), or, if publishing is refused
     * now, clears the schedule with a note saying why; either way the schedule is over, in the same
     * transaction that says so.
     */
    public void fire(String key) {
        int slash = key.indexOf('/');
        String edition = key.substring(0, slash);
        String slug = key.substring(slash + 1);
        decide(() -> {
            Optional<DraftChanged> open = openEvent(edition, slug);
            PublicationSchedule schedule = open.map(e -> e.getDraft().getSchedule()).orElse(null);
            if (schedule == null || schedule.getAt().isAfter(clock.now())) {
                return JointDecision.nothing(null);
            }
            Optional<Chapter> chapter = chapters.current(edition, slug);
            ApiException refusal = chapter.isEmpty()
                    ? conflict("chapter", "chapter " + slug + " was deleted after the draft was started")
                    : editions.edition(edition).filter(Edition::isClosed).isPresent() ? ClosedEditions.closed(edition)
                    : whyNotPublishable(open.get(), chapter.get());
            if (refusal != null) {
                EventMetadata meta = metadata.by(SCHEDULER);
                DraftState current = open.get().getDraft();
                long next = open.get().getRevision() + 1;
                DraftState failed = DraftState.newBuilder(current).setSchedule(null)
                        .setNotes(withNote(current, note(DraftNoteKind.SCHEDULE_FAILED, meta, open.get().getRevision(),
                                "not published at " + schedule.getLocalDateTime() + " " + schedule.getTimeZone() + ": "
                                        + refusal.getMessage())))
                        .build();
                return new JointDecision<>(List.of(), List.of(event(meta, edition, slug, next, failed)), null);
            }
            return publishing(open.get(), chapter.get(), scheduledBy(open.get()), true);
        });
    }

    /** Why the draft may not be published now, as :publish answers (409, or 422 for blocking accessibility findings); null if it may. */
    private ApiException whyNotPublishable(DraftChanged open, Chapter chapter) {
        DraftState draft = open.getDraft();
        if (chapters.reviewRequired(open.getEdition()) && draft.getReview() != ReviewState.APPROVED) {
            return conflict("review", "edition " + open.getEdition() + " requires review: the draft must be approved by a reviewer"
                    + " before it is published; it is " + Draft.kebab(draft.getReview().name()));
        }
        ApiException inaccessible = editions.accessibilityRefusal(open.getEdition(), draft.getBody());
        if (inaccessible != null) {
            return inaccessible;
        }
        Draft view = Draft.of(open);
        if (!chapters.changedSince(view)) {
            return null;
        }
        ChapterState base = chapters.base(view).orElse(null);
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("draft", version(draft.getTitle(), draft.getBody(), open.getRevision()));
        versions.put("published", version(chapter.title(), chapter.body(), chapter.revision()));
        versions.put("base", version(base == null ? "" : base.getTitle(), base == null ? "" : base.getBody(), draft.getBaseRevision()));
        String problem = "the chapter was changed since the draft was started (revision " + draft.getBaseRevision() + ", now "
                + chapter.revision() + "): merge the two, save the merged text with baseRevision " + chapter.revision()
                + " and publish again";
        return new ApiException(HttpStatus.CONFLICT, problem, List.of(new ApiException.FieldProblem("baseRevision", problem)), versions);
    }

    private JointDecision<ChapterChanged, DraftChanged, Chapter> publishing(DraftChanged open, Chapter chapter, EventMetadata meta,
            boolean scheduled) {
        DraftState draft = open.getDraft();
        List<ChapterChanged> chapterEvents = new ArrayList<>();
        Chapter published = chapter;
        if (!draft.getTitle().equals(chapter.title()) || !draft.getBody().equals(chapter.body())) {
            ChapterChanged next = ChapterWrites.withText(chapter, draft.getTitle(), draft.getBody(), meta);
            chapterEvents.add(next);
            published = Chapter.of(next);
        }
        DraftChanged closed = closing(meta, open, DraftOutcome.PUBLISHED, published.revision(), scheduled);
        return new JointDecision<>(chapterEvents, List.of(closed), published);
    }

    /** The metadata of a scheduled publication: the person who (last) scheduled it. */
    private EventMetadata scheduledBy(DraftChanged open) {
        List<DraftNote> notes = open.getDraft().getNotes();
        for (int i = notes.size() - 1; i >= 0; i--) {
            DraftNote note = notes.get(i);
            if (note.getKind() == DraftNoteKind.SCHEDULED) {
                return EventMetadata.newBuilder(metadata.by(note.getActor())).setActorName(note.getActorName()).build();
            }
        }
        return metadata.by(SCHEDULER);
    }

    /** A change of the open draft's state alone (review, notes, schedule): the new state, or null for none. */
    private interface StateChange {
        DraftState apply(DraftChanged open, EventMetadata meta);
    }

    private Draft review(String edition, String slug, Preconditions preconditions, Caller caller, StateChange change) {
        return decide(() -> {
            DraftChanged open = requireOpenEvent(edition, slug);
            preconditions.checkIfPresent(OptionalLong.of(open.getRevision()));
            EventMetadata meta = metadata.by(caller);
            long next = open.getRevision() + 1;
            DraftState state = change.apply(open, meta);
            if (state != null) {
                editions.checkWritable(edition);
            }
            if (state == null) {
                return JointDecision.nothing(chapters.view(Draft.of(open)));
            }
            DraftChanged event = event(meta, edition, slug, next, state);
            return new JointDecision<>(List.of(), List.of(event), chapters.view(Draft.of(event)));
        });
    }

    private static DraftState reviewed(DraftChanged open, ReviewState review, DraftNote note) {
        return DraftState.newBuilder(open.getDraft()).setReview(review).setNotes(withNote(open.getDraft(), note)).build();
    }

    /** Every decision takes both locks, chapters first (see the class comment). */
    private <R> R decide(Supplier<JointDecision<ChapterChanged, DraftChanged, R>> decision) {
        return chapterLog.writeWith(draftLog, decision);
    }

    private JointDecision<ChapterChanged, DraftChanged, Written<Draft>> draftOnly(DraftChanged event, boolean created) {
        return new JointDecision<>(List.of(), List.of(event), new Written<>(chapters.view(Draft.of(event)), created));
    }

    private Optional<DraftChanged> openEvent(String edition, String slug) {
        return drafts.latest(edition, slug).filter(e -> e.getDraft() != null);
    }

    private DraftChanged requireOpenEvent(String edition, String slug) {
        return openEvent(edition, slug).orElseThrow(() -> ApiException.notFound("chapter " + slug + " of edition " + edition
                + " has no open draft"));
    }

    private Draft requireOpen(String edition, String slug) {
        return Draft.of(requireOpenEvent(edition, slug));
    }

    private long nextRevision(String edition, String slug) {
        return drafts.latest(edition, slug).map(DraftChanged::getRevision).orElse(0L) + 1;
    }

    /** The chapter's owner team, or null once the chapter was deleted (then only admins write its draft). */
    private String owner(String edition, String slug) {
        return chapters.current(edition, slug).map(Chapter::ownerTeam).orElse(null);
    }

    private static DraftChanged closing(EventMetadata meta, DraftChanged open, DraftOutcome outcome, Long chapterRevision, boolean scheduled) {
        return DraftChanged.newBuilder().setMetadata(meta).setEdition(open.getEdition()).setSlug(open.getSlug())
                .setRevision(open.getRevision() + 1).setDraft(null)
                .setClosed(DraftClosed.newBuilder().setOutcome(outcome).setChapterRevision(chapterRevision).setScheduled(scheduled).build())
                .build();
    }

    private static DraftChanged event(EventMetadata meta, String edition, String slug, long revision, DraftState state) {
        return DraftChanged.newBuilder().setMetadata(meta).setEdition(edition).setSlug(slug).setRevision(revision).setDraft(state)
                .setClosed(null).build();
    }

    private static DraftNote note(DraftNoteKind kind, EventMetadata meta, long draftRevision, String comment) {
        return DraftNote.newBuilder().setKind(kind).setAt(meta.getOccurredAt()).setActor(meta.getActor())
                .setActorName(meta.getActorName()).setDraftRevision(draftRevision).setComment(comment).build();
    }

    private static List<DraftNote> withNote(DraftState state, DraftNote note) {
        List<DraftNote> notes = new ArrayList<>(state.getNotes());
        notes.add(note);
        return notes;
    }

    private static Map<String, Object> version(String title, String body, long revision) {
        Map<String, Object> version = new LinkedHashMap<>();
        version.put("title", title);
        version.put("body", body);
        version.put("revision", revision);
        return version;
    }

    private static String comment(ReviewRequest request) {
        return request == null || request.comment() == null || request.comment().isBlank() ? null : request.comment().strip();
    }

    void checkPath(String edition, String slug) {
        ChapterChecks.checkPath(edition, slug, limits.maxSlugLength());
    }

    private void checkText(DraftRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body", "a JSON object with title and body is required");
        }
        FieldProblems problems = new FieldProblems();
        ChapterChecks.checkText(problems, request.title(), request.body(), limits);
        problems.throwIfAny();
    }

    private static ApiException conflict(String field, String problem) {
        return new ApiException(HttpStatus.CONFLICT, field + ": " + problem, List.of(new ApiException.FieldProblem(field, problem)), Map.of());
    }

    static boolean mayRead(Caller caller, String ownerTeam) {
        return caller.mayEdit(ownerTeam) || caller.has(Role.REVIEWER);
    }

    private static void requireReader(Caller caller, String ownerTeam) {
        if (!mayRead(caller, ownerTeam)) {
            throw ApiException.forbidden("drafts of this chapter are read by its team, reviewers and admins");
        }
    }

    private static void requireWriter(Caller caller, Chapter chapter) {
        requireWriter(caller, chapter.ownerTeam());
    }

    private static void requireWriter(Caller caller, String ownerTeam) {
        if (!caller.mayEdit(ownerTeam)) {
            throw ApiException.forbidden("the chapter belongs to team " + ownerTeam + "; only its team and admins write its draft");
        }
    }

    private static void requireReviewer(Caller caller) {
        if (!caller.isAdmin() && !caller.has(Role.REVIEWER)) {
            throw ApiException.forbidden("only a reviewer or an admin approves a draft or requests changes");
        }
    }
}
