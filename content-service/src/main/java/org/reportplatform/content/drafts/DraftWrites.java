package org.reportplatform.content.drafts;

import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.platform.editions.ClosedEditions;
import org.reportplatform.platform.editions.Edition;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import org.reportplatform.platform.chapters.ChapterChecks;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.JointDecision;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.platform.scheduling.PublicationClock;
import org.reportplatform.platform.scheduling.PublicationTime;
import org.reportplatform.platform.scheduling.PublicationTimes;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
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
 * Decides every change to the drafts of one kind of {@link DraftTarget} (chapters, or
 * translations): writing one, its review, its schedule, and publishing it as the target's next
 * revision.
 *
 * <p>Every decision here runs under both write locks, the target's and the drafts'
 * ({@link RevisionLog#writeWith} takes them in the order of the topics' names, as every joint
 * write of this service does: report.chapters.v1, report.drafts.v1, report.translations.v1), so
 * what a draft is compared with cannot change while the decision is taken, and a publication goes
 * out as one Kafka transaction: the target's next revision and the draft closed on
 * report.drafts.v1, both or neither. A direct chapter or translation write takes only its own
 * log's lock, and every joint write takes its two in the same global order, so no two writers wait
 * on each other in a circle. This service is the single writer of these topics (its transactional
 * id fences any other instance).
 */
public class DraftWrites<E extends SpecificRecord, P extends AtRevision> {

    /** The actor of what the schedule does by itself (a failed publication's note). */
    static final String SCHEDULER = "system:publication-schedule";

    private final DraftBook drafts;
    private final DraftTarget<E, P> target;
    private final RevisionLog<DraftChanged> draftLog;
    private final EventMetadataFactory metadata;
    private final ChapterProperties limits;
    private final DraftsProperties properties;
    private final PublicationClock clock;
    private final EditionGuard editions;

    /** @param editions refuses every change to the drafts of a closed edition (and the firing of their schedules) */
    public DraftWrites(DraftBook drafts, DraftTarget<E, P> target, RevisionLog<DraftChanged> draftLog, EventMetadataFactory metadata,
            ChapterProperties limits, DraftsProperties properties, PublicationClock clock, EditionGuard editions) {
        this.drafts = drafts;
        this.target = target;
        this.draftLog = draftLog;
        this.metadata = metadata;
        this.limits = limits;
        this.properties = properties;
        this.clock = clock;
        this.editions = editions;
    }

    /** Whether this writes the drafts with that key (a chapter's, or a translation's). */
    public boolean handles(DraftKey key) {
        return target.handles(key);
    }

    /** The open draft, if the caller may read it: 403 before 404, so only readers learn whether there is one. */
    public Draft get(DraftKey key, Caller caller) {
        checkMayRead(key, caller);
        return view(requireOpen(key));
    }

    /** 403 unless the caller may read the drafts of that chapter (or translation): who may write them, reviewers, admins. */
    public void checkMayRead(DraftKey key, Caller caller) {
        checkPath(key);
        if (!target.mayRead(caller, key)) {
            throw ApiException.forbidden("the drafts of " + key.describe() + " are read by those who write it, reviewers and admins");
        }
    }

    /** The open drafts of this kind in an edition the caller may read, in report order (drafts of deleted chapters last). */
    public List<Draft> list(String edition, boolean scheduledOnly, Caller caller) {
        ChapterChecks.checkPath(edition, null, limits.maxSlugLength());
        return drafts.list(edition).stream()
                .filter(draft -> target.handles(draft.key()))
                .filter(draft -> !scheduledOnly || draft.schedule() != null)
                .filter(draft -> target.mayRead(caller, draft.key()))
                .map(this::view)
                .sorted(Comparator.comparingInt((Draft draft) -> target.position(draft.key())).thenComparing(Draft::slug)
                        .thenComparing(draft -> draft.language() == null ? "" : draft.language()))
                .toList();
    }

    /**
     * Starts a draft ({@code If-None-Match: *}; based on the published current revision) or
     * changes it ({@code If-Match}). A change of title or body after approval withdraws the approval.
     */
    public Written<Draft> put(DraftKey key, DraftRequest request, Preconditions preconditions, Caller caller) {
        checkPath(key);
        checkText(key, request);
        return decide(() -> {
            target.checkExists(key);
            target.requireWriter(caller, key);
            editions.checkWritable(key.edition());
            Optional<DraftChanged> open = openEvent(key);
            preconditions.checkWrite(open.map(e -> OptionalLong.of(e.getRevision())).orElse(OptionalLong.empty()));
            long current = target.currentRevision(key);
            if (request.baseRevision() != null && request.baseRevision() != current) {
                throw new ApiException(HttpStatus.CONFLICT, "baseRevision: " + request.baseRevision()
                        + " is not the current revision " + current + " of " + key.describe() + "; merge with revision " + current,
                        List.of(new ApiException.FieldProblem("baseRevision", "must be the current revision, " + current)),
                        Map.of("currentRevision", current));
            }
            EventMetadata meta = metadata.by(caller);
            long next = nextRevision(key);
            if (open.isEmpty()) {
                DraftState state = DraftState.newBuilder().setTitle(request.title()).setBody(request.body()).setBaseRevision(current)
                        .setSourceRevision(request.sourceRevision()).setReview(ReviewState.EDITING).setNotes(List.of()).setSchedule(null)
                        .build();
                return draftOnly(event(meta, key, next, state), true);
            }
            DraftState draft = open.get().getDraft();
            boolean textChanged = !request.title().equals(draft.getTitle()) || !request.body().equals(draft.getBody());
            long base = request.baseRevision() == null ? draft.getBaseRevision() : request.baseRevision();
            Long sourceRevision = request.sourceRevision() == null ? draft.getSourceRevision() : request.sourceRevision();
            if (!textChanged && base == draft.getBaseRevision() && Objects.equals(sourceRevision, draft.getSourceRevision())) {
                return JointDecision.nothing(new Written<>(view(Draft.of(open.get())), false));
            }
            DraftState.Builder state = DraftState.newBuilder(draft).setTitle(request.title()).setBody(request.body()).setBaseRevision(base)
                    .setSourceRevision(sourceRevision);
            if (textChanged && draft.getReview() == ReviewState.APPROVED) {
                state.setReview(ReviewState.EDITING).setNotes(withNote(draft, note(DraftNoteKind.APPROVAL_WITHDRAWN, meta, next, null)));
            }
            return draftOnly(event(meta, key, next, state.build()), false);
        });
    }

    /** Discards the open draft (If-Match required). */
    public void discard(DraftKey key, Preconditions preconditions, Caller caller) {
        checkPath(key);
        decide(() -> {
            DraftChanged open = requireOpenEvent(key);
            target.requireWriter(caller, key);
            editions.checkWritable(key.edition());
            preconditions.checkChange(OptionalLong.of(open.getRevision()));
            DraftChanged closed = closing(metadata.by(caller), open, DraftOutcome.DISCARDED, null, false);
            return new JointDecision<E, DraftChanged, Void>(List.of(), List.of(closed), null);
        });
    }

    /** Submits the draft for review (its writers). */
    public Draft submit(DraftKey key, ReviewRequest request, Preconditions preconditions, Caller caller) {
        checkPath(key);
        return review(key, preconditions, (open, meta) -> {
            target.requireWriter(caller, key);
            ReviewState review = open.getDraft().getReview();
            if (review == ReviewState.APPROVED) {
                throw conflict("review", "the draft is already approved: publish it, or change it to need a new review");
            }
            if (review == ReviewState.SUBMITTED && comment(request) == null) {
                return null;
            }
            return reviewed(open, ReviewState.SUBMITTED, note(DraftNoteKind.SUBMITTED, meta, open.getRevision(), comment(request)));
        }, caller);
    }

    /**
     * Approves the draft revision named by If-Match (required: what the reviewer read). A reviewer
     * or an admin, and never the person who last changed its text.
     */
    public Draft approve(DraftKey key, ReviewRequest request, Preconditions preconditions, Caller caller) {
        checkPath(key);
        return review(key, preconditions, (open, meta) -> {
            requireReviewer(caller);
            preconditions.checkChange(OptionalLong.of(open.getRevision()));
            if (drafts.lastTextAuthor(key.edition(), key.id()).filter(caller.accountId()::equals).isPresent()) {
                throw ApiException.forbidden("someone else must approve: you wrote the current text of this draft");
            }
            if (open.getDraft().getReview() == ReviewState.APPROVED) {
                return null;
            }
            return reviewed(open, ReviewState.APPROVED, note(DraftNoteKind.APPROVED, meta, open.getRevision(), comment(request)));
        }, caller);
    }

    /** Sends the draft back to its writers with a comment (required), a reviewer or an admin. */
    public Draft requestChanges(DraftKey key, ReviewRequest request, Preconditions preconditions, Caller caller) {
        checkPath(key);
        if (comment(request) == null) {
            throw ApiException.badRequest("comment", "is required: say what should change");
        }
        return review(key, preconditions, (open, meta) -> {
            requireReviewer(caller);
            return reviewed(open, ReviewState.CHANGES_REQUESTED,
                    note(DraftNoteKind.CHANGES_REQUESTED, meta, open.getRevision(), comment(request)));
        }, caller);
    }

    /** Schedules (or reschedules) the draft's publication. */
    public Draft schedule(DraftKey key, ScheduleRequest request, Preconditions preconditions, Caller caller) {
        checkPath(key);
        return review(key, preconditions, (open, meta) -> {
            target.requireWriter(caller, key);
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
        }, caller);
    }

    /** Cancels the draft's scheduled publication (the draft stays). */
    public Draft unschedule(DraftKey key, Preconditions preconditions, Caller caller) {
        checkPath(key);
        return review(key, preconditions, (open, meta) -> {
            target.requireWriter(caller, key);
            DraftState current = open.getDraft();
            if (current.getSchedule() == null) {
                return null;
            }
            return DraftState.newBuilder(current).setSchedule(null)
                    .setNotes(withNote(current, note(DraftNoteKind.UNSCHEDULED, meta, open.getRevision(), null))).build();
        }, caller);
    }

    /**
     * Publishes the draft now: the target's next revision (title and body from the draft) and the
     * draft closed, in one transaction. If-Match optional.
     */
    public P publish(DraftKey key, Preconditions preconditions, Caller caller) {
        checkPath(key);
        return decide(() -> {
            DraftChanged open = requireOpenEvent(key);
            target.checkExists(key);
            target.requireWriter(caller, key);
            editions.checkWritable(key.edition());
            preconditions.checkIfPresent(OptionalLong.of(open.getRevision()));
            ApiException refusal = whyNotPublishable(open);
            if (refusal != null) {
                throw refusal;
            }
            return publishing(open, metadata.by(caller), false);
        });
    }

    /**
     * Fires a due schedule (on the scheduler's thread). Re-reads it under the locks: gone, changed
     * to a later time, or already closed means nothing to do. Otherwise it publishes exactly as
     * {@link #publish} (in the name of the person who scheduled it), or, if publishing is refused
     * now, clears the schedule with a note saying why; either way the schedule is over, in the same
     * transaction that says so.
     */
    public void fire(DraftKey key) {
        decide(() -> {
            Optional<DraftChanged> open = openEvent(key);
            PublicationSchedule schedule = open.map(e -> e.getDraft().getSchedule()).orElse(null);
            if (schedule == null || schedule.getAt().isAfter(clock.now())) {
                return JointDecision.nothing(null);
            }
            ApiException refusal;
            try {
                target.checkExists(key);
                refusal = editions.edition(key.edition()).filter(Edition::isClosed).isPresent() ? ClosedEditions.closed(key.edition())
                        : whyNotPublishable(open.get());
                if (refusal == null) {
                    return publishing(open.get(), scheduledBy(open.get()), true);
                }
            } catch (ApiException gone) {
                // The chapter deleted, or what the draft says no longer fits it: a note, not a retry at every tick.
                refusal = conflict("chapter", key.describe() + " cannot be published any more: " + gone.getMessage());
            }
            EventMetadata meta = metadata.by(SCHEDULER);
            DraftState current = open.get().getDraft();
            long next = open.get().getRevision() + 1;
            DraftState failed = DraftState.newBuilder(current).setSchedule(null)
                    .setNotes(withNote(current, note(DraftNoteKind.SCHEDULE_FAILED, meta, open.get().getRevision(),
                            "not published at " + schedule.getLocalDateTime() + " " + schedule.getTimeZone() + ": "
                                    + refusal.getMessage())))
                    .build();
            return new JointDecision<E, DraftChanged, P>(List.of(), List.of(event(meta, key, next, failed)), null);
        });
    }

    /** Why the draft may not be published now, as :publish answers (409, or 422 for blocking accessibility findings); null if it may. */
    private ApiException whyNotPublishable(DraftChanged open) {
        DraftState draft = open.getDraft();
        DraftKey key = DraftKey.of(open);
        if (properties.reviewRequired(open.getEdition()) && draft.getReview() != ReviewState.APPROVED) {
            return conflict("review", "edition " + open.getEdition() + " requires review: the draft must be approved by a reviewer"
                    + " before it is published; it is " + Draft.kebab(draft.getReview().name()));
        }
        ApiException inaccessible = editions.accessibilityRefusal(open.getEdition(), draft.getBody());
        if (inaccessible != null) {
            return inaccessible;
        }
        if (!target.changedSince(key, draft.getBaseRevision())) {
            return null;
        }
        Optional<DraftTarget.Text> now = target.published(key).text();
        Optional<DraftTarget.Text> base = target.base(key, draft.getBaseRevision());
        long current = now.map(DraftTarget.Text::revision).orElse(0L);
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("draft", version(draft.getTitle(), draft.getBody(), open.getRevision()));
        versions.put("published", version(now.map(DraftTarget.Text::title).orElse(""), now.map(DraftTarget.Text::body).orElse(""), current));
        versions.put("base", version(base.map(DraftTarget.Text::title).orElse(""), base.map(DraftTarget.Text::body).orElse(""),
                draft.getBaseRevision()));
        String problem = (key.isTranslation() ? "the translation" : "the chapter") + " was changed since the draft was started (revision "
                + draft.getBaseRevision() + ", now " + current + "): merge the two, save the merged text with baseRevision " + current
                + " and publish again";
        return new ApiException(HttpStatus.CONFLICT, problem, List.of(new ApiException.FieldProblem("baseRevision", problem)), versions);
    }

    private JointDecision<E, DraftChanged, P> publishing(DraftChanged open, EventMetadata meta, boolean scheduled) {
        DraftTarget.Publication<E, P> publication = target.publishing(DraftKey.of(open), open.getDraft(), meta);
        DraftChanged closed = closing(meta, open, DraftOutcome.PUBLISHED, publication.revision(), scheduled);
        return new JointDecision<>(publication.events(), List.of(closed), publication.answer());
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

    private Draft review(DraftKey key, Preconditions preconditions, StateChange change, Caller caller) {
        return decide(() -> {
            DraftChanged open = requireOpenEvent(key);
            preconditions.checkIfPresent(OptionalLong.of(open.getRevision()));
            EventMetadata meta = metadata.by(caller);
            long next = open.getRevision() + 1;
            DraftState state = change.apply(open, meta);
            if (state == null) {
                return JointDecision.nothing(view(Draft.of(open)));
            }
            editions.checkWritable(key.edition());
            DraftChanged event = event(meta, key, next, state);
            return new JointDecision<>(List.of(), List.of(event), view(Draft.of(event)));
        });
    }

    /** The draft with the published side filled in: its current revision and owner, whether the draft is stale. */
    private Draft view(Draft draft) {
        DraftKey key = draft.key();
        DraftTarget.Published published = target.published(key);
        return draft.against(published.text().map(DraftTarget.Text::revision).orElse(0L), target.changedSince(key, draft.baseRevision()),
                published.ownerTeam(), properties.reviewRequired(draft.edition()));
    }

    private static DraftState reviewed(DraftChanged open, ReviewState review, DraftNote note) {
        return DraftState.newBuilder(open.getDraft()).setReview(review).setNotes(withNote(open.getDraft(), note)).build();
    }

    /** Every decision takes both locks, in the topics' order (see the class comment). */
    private <R> R decide(Supplier<JointDecision<E, DraftChanged, R>> decision) {
        return target.log().writeWith(draftLog, decision);
    }

    private JointDecision<E, DraftChanged, Written<Draft>> draftOnly(DraftChanged event, boolean created) {
        return new JointDecision<>(List.of(), List.of(event), new Written<>(view(Draft.of(event)), created));
    }

    private Optional<DraftChanged> openEvent(DraftKey key) {
        return drafts.latest(key.edition(), key.id()).filter(e -> e.getDraft() != null);
    }

    private DraftChanged requireOpenEvent(DraftKey key) {
        return openEvent(key).orElseThrow(() -> ApiException.notFound(key.describe() + " has no open draft"));
    }

    private Draft requireOpen(DraftKey key) {
        return Draft.of(requireOpenEvent(key));
    }

    private long nextRevision(DraftKey key) {
        return drafts.latest(key.edition(), key.id()).map(DraftChanged::getRevision).orElse(0L) + 1;
    }

    private static DraftChanged closing(EventMetadata meta, DraftChanged open, DraftOutcome outcome, Long publishedRevision,
            boolean scheduled) {
        return DraftChanged.newBuilder().setMetadata(meta).setEdition(open.getEdition()).setSlug(open.getSlug())
                .setLanguage(open.getLanguage()).setRevision(open.getRevision() + 1).setDraft(null)
                .setClosed(DraftClosed.newBuilder().setOutcome(outcome).setChapterRevision(publishedRevision).setScheduled(scheduled).build())
                .build();
    }

    private static DraftChanged event(EventMetadata meta, DraftKey key, long revision, DraftState state) {
        return DraftChanged.newBuilder().setMetadata(meta).setEdition(key.edition()).setSlug(key.slug()).setLanguage(key.language())
                .setRevision(revision).setDraft(state).setClosed(null).build();
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

    void checkPath(DraftKey key) {
        target.checkPath(key);
    }

    private void checkText(DraftKey key, DraftRequest request) {
        if (request == null) {
            throw ApiException.badRequest("body", "a JSON object with title and body is required");
        }
        FieldProblems problems = new FieldProblems();
        ChapterChecks.checkText(problems, request.title(), request.body(), limits);
        if (request.sourceRevision() != null) {
            problems.check(key.isTranslation(), "sourceRevision", "is only for the draft of a translation");
            problems.check(request.sourceRevision() >= 1, "sourceRevision", "must be a revision of the source chapter: 1 or more");
        }
        problems.throwIfAny();
    }

    private static ApiException conflict(String field, String problem) {
        return new ApiException(HttpStatus.CONFLICT, field + ": " + problem, List.of(new ApiException.FieldProblem(field, problem)), Map.of());
    }

    private static void requireReviewer(Caller caller) {
        if (!caller.isAdmin() && !caller.has(Role.REVIEWER)) {
            throw ApiException.forbidden("only a reviewer or an admin approves a draft or requests changes");
        }
    }
}
