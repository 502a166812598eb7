package org.reportplatform.content.chapters;

import org.reportplatform.platform.chapters.ChapterChecks;
import org.reportplatform.platform.chapters.ChapterProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.Decision;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.Erratum;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.platform.editions.Edition;

/**
 * Decides every change to chapters: who may make it, whether it is based on the current
 * revision, and which events it takes. Positions stay 1..n in report order: moving, adding or
 * removing a chapter renumbers the others in the same transaction.
 */
public class ChapterWrites {

    private final ChapterBook book;
    private final RevisionLog<ChapterChanged> log;
    private final EventMetadataFactory metadata;
    private final ChapterProperties limits;
    private final Predicate<String> reviewRequired;
    private final EditionGuard editions;

    /**
     * @param reviewRequired whether an edition's text changes go through an approved draft (report.drafts.review-required-editions)
     * @param editions       refuses changes to a closed edition, which takes only errata
     */
    public ChapterWrites(ChapterBook book, RevisionLog<ChapterChanged> log, EventMetadataFactory metadata, ChapterProperties limits,
            Predicate<String> reviewRequired, EditionGuard editions) {
        this.editions = editions;
        this.book = book;
        this.log = log;
        this.metadata = metadata;
        this.limits = limits;
        this.reviewRequired = reviewRequired;
    }

    public Written<Chapter> put(String edition, String slug, ChapterRequest request, Preconditions preconditions, Caller caller) {
        ChapterChecks.checkPath(edition, slug, limits.maxSlugLength());
        ChapterChecks.checkWritableSlug(slug);
        ChapterRules.checkRequest(request, limits);
        return log.write(() -> {
            Optional<ChapterChanged> latest = book.latest(edition, slug);
            Optional<Chapter> current = book.current(edition, slug);
            if (request.erratum() != null) {
                return erratum(edition, slug, current, request, preconditions, caller);
            }
            editions.checkWritable(edition);
            preconditions.checkWrite(revisionOf(current));
            if (current.isEmpty() || !current.get().body().equals(request.body())) {
                // Only a new text is checked: moving or retitling a chapter written before the edition became strict stays possible.
                editions.checkAccessible(edition, request.body());
            }
            EventMetadata meta = metadata.by(caller);
            long revision = latest.map(ChapterChanged::getRevision).orElse(0L) + 1;
            if (current.isEmpty()) {
                return create(edition, slug, request, caller, meta, revision);
            }
            return update(current.get(), request, caller, meta, revision);
        });
    }

    public void delete(String edition, String slug, Preconditions preconditions, Caller caller) {
        ChapterChecks.checkPath(edition, slug, limits.maxSlugLength());
        log.write(() -> {
            Chapter current = book.requireCurrent(edition, slug);
            requireAdmin(caller, "only an admin removes a chapter from the report");
            editions.checkWritable(edition);
            preconditions.checkChange(revisionOf(Optional.of(current)));
            EventMetadata meta = metadata.by(caller);
            List<ChapterChanged> events = new ArrayList<>();
            events.add(ChapterChanged.newBuilder().setMetadata(meta).setEdition(edition).setSlug(slug)
                    .setRevision(current.revision() + 1).setChapter(null).build());
            List<Chapter> others = new ArrayList<>(book.chapters(edition));
            others.removeIf(c -> c.slug().equals(slug));
            events.addAll(renumber(others, meta));
            return new Decision<>(events, null);
        });
    }

    /**
     * Moves a chapter to another place in the report (admin only). The chapters between its old
     * and new place shift by one, each with its own event, in the same transaction. A position
     * past the end means the end. If-Match is optional: when sent it must name the current revision.
     */
    public Written<Chapter> move(String edition, String slug, MoveRequest request, Preconditions preconditions, Caller caller) {
        ChapterChecks.checkPath(edition, slug, limits.maxSlugLength());
        ChapterRules.checkMove(request);
        return log.write(() -> {
            Chapter current = book.requireCurrent(edition, slug);
            requireAdmin(caller, "only an admin changes the order of the report");
            editions.checkWritable(edition);
            preconditions.checkIfPresent(OptionalLong.of(current.revision()));
            List<Chapter> others = new ArrayList<>(book.chapters(edition));
            others.removeIf(c -> c.slug().equals(slug));
            int position = clamp(request.position(), others.size() + 1);
            if (position == current.position()) {
                return Decision.nothing(new Written<>(current, false));
            }
            EventMetadata meta = metadata.by(caller);
            ChapterState state = stateOf(current);
            state.setPosition(position);
            ChapterChanged moved = event(meta, edition, slug, current.revision() + 1, state);
            List<ChapterChanged> events = new ArrayList<>();
            events.add(moved);
            events.addAll(renumberAround(others, slug, position, meta));
            return new Decision<>(events, new Written<>(Chapter.of(moved), false));
        });
    }

    /**
     * Makes revision {@code revision}'s content (title, body, language) the chapter's content
     * again, as a new revision. An explicit choice of content, so If-Match is optional (checked
     * when sent). Whoever may edit the chapter may restore it; its place and owner team stay.
     *
     * <p>A deleted chapter comes back into the report with revision n's content, owner team and
     * place (or the end, if the report has fewer chapters now): that is creating a chapter, so
     * only an admin may. Restoring content equal to the current one publishes nothing.
     */
    public Written<Chapter> restore(String edition, String slug, long revision, Preconditions preconditions, Caller caller) {
        ChapterChecks.checkPath(edition, slug, limits.maxSlugLength());
        return log.write(() -> {
            long last = book.requireLastRevision(edition, slug);
            editions.checkWritable(edition);
            ChapterState restored = requireContent(edition, slug, revision);
            ChapterRules.checkRequest(new ChapterRequest(restored.getTitle(), restored.getBody(), null, null,
                    restored.getLanguage()), limits);
            Optional<Chapter> current = book.current(edition, slug);
            preconditions.checkIfPresent(revisionOf(current));
            long next = last + 1;
            if (current.isPresent()) {
                Chapter chapter = current.get();
                if (!caller.mayEdit(chapter.ownerTeam())) {
                    throw ApiException.forbidden("chapter " + slug + " belongs to team " + chapter.ownerTeam()
                            + "; your token may restore only your team's chapters");
                }
                ChapterState state = stateOf(chapter);
                state.setTitle(restored.getTitle());
                state.setBody(restored.getBody());
                state.setLanguage(restored.getLanguage());
                if (state.equals(stateOf(chapter))) {
                    return Decision.nothing(new Written<>(chapter, false));
                }
                requireReviewUnlessAdmin(chapter, state, caller);
                ChapterChanged event = event(metadata.by(caller), edition, slug, next, state);
                return Decision.publish(event, new Written<>(Chapter.of(event), false));
            }
            requireAdmin(caller, "chapter " + slug + " was deleted; only an admin brings a chapter back into the report");
            List<Chapter> others = book.chapters(edition);
            ChapterState state = ChapterState.newBuilder(restored)
                    .setPosition(clamp(restored.getPosition(), others.size() + 1)).build();
            EventMetadata meta = metadata.by(caller);
            ChapterChanged back = event(meta, edition, slug, next, state);
            List<ChapterChanged> events = new ArrayList<>();
            events.add(back);
            events.addAll(renumberAround(others, slug, state.getPosition(), meta));
            return new Decision<>(events, new Written<>(Chapter.of(back), true));
        });
    }

    /**
     * The content of revision n of a chapter (read back from the log unless it is the latest):
     * 404 if there is no such revision, 400 if it is the deletion.
     */
    private ChapterState requireContent(String edition, String slug, long revision) {
        ChapterChanged event = book.requireRevision(edition, slug, revision);
        if (event.getChapter() == null) {
            throw ApiException.badRequest("revision", "revision " + revision
                    + " deleted the chapter: it has no content to restore; restore a revision before it");
        }
        return event.getChapter();
    }

    private Decision<ChapterChanged, Written<Chapter>> create(String edition, String slug, ChapterRequest request, Caller caller,
            EventMetadata meta, long revision) {
        requireAdmin(caller, "only an admin creates chapters; ask an admin to create " + slug + " and assign it to your team");
        if (request.ownerTeam() == null) {
            throw ApiException.badRequest("ownerTeam", "is required when a chapter is created: the team that will own it");
        }
        List<Chapter> others = book.chapters(edition);
        int position = clamp(request.position() == null ? others.size() + 1 : request.position(), others.size() + 1);
        ChapterState state = ChapterState.newBuilder().setTitle(request.title()).setBody(request.body())
                .setPosition(position).setOwnerTeam(request.ownerTeam())
                .setLanguage(request.language() == null ? limits.defaultLanguage() : request.language()).build();
        ChapterChanged created = event(meta, edition, slug, revision, state);
        List<ChapterChanged> events = new ArrayList<>();
        events.add(created);
        events.addAll(renumberAround(others, slug, position, meta));
        return new Decision<>(events, new Written<>(Chapter.of(created), true));
    }

    private Decision<ChapterChanged, Written<Chapter>> update(Chapter current, ChapterRequest request, Caller caller,
            EventMetadata meta, long revision) {
        if (!caller.mayEdit(current.ownerTeam())) {
            throw ApiException.forbidden("chapter " + current.slug() + " belongs to team " + current.ownerTeam()
                    + "; your token may edit only your team's chapters");
        }
        String owner = Objects.requireNonNullElse(request.ownerTeam(), current.ownerTeam());
        if (!owner.equals(current.ownerTeam())) {
            requireAdmin(caller, "only an admin assigns a chapter to another team");
        }
        List<Chapter> others = new ArrayList<>(book.chapters(current.edition()));
        others.removeIf(c -> c.slug().equals(current.slug()));
        int position = request.position() == null ? current.position() : clamp(request.position(), others.size() + 1);
        if (position != current.position()) {
            requireAdmin(caller, "only an admin changes the order of the report");
        }
        ChapterState state = ChapterState.newBuilder(stateOf(current)).setTitle(request.title()).setBody(request.body())
                .setPosition(position).setOwnerTeam(owner)
                .setLanguage(request.language() == null ? current.language() : request.language()).build();
        if (state.equals(stateOf(current))) {
            return Decision.nothing(new Written<>(current, false));
        }
        requireReviewUnlessAdmin(current, state, caller);
        ChapterChanged updated = event(meta, current.edition(), current.slug(), revision, state);
        List<ChapterChanged> events = new ArrayList<>();
        events.add(updated);
        if (position != current.position()) {
            events.addAll(renumberAround(others, current.slug(), position, meta));
        }
        return new Decision<>(events, new Written<>(Chapter.of(updated), false));
    }

    /**
     * The chapter's next revision with another title and body, its place, owner team and language
     * as they are: what publishing a draft writes.
     */
    public static ChapterChanged withText(Chapter current, String title, String body, EventMetadata meta) {
        ChapterState state = stateOf(current);
        state.setTitle(title);
        state.setBody(body);
        return event(meta, current.edition(), current.slug(), current.revision() + 1, state);
    }

    /** Events for the other chapters whose position changes once {@code slug} stands at {@code position}. */
    private List<ChapterChanged> renumberAround(List<Chapter> others, String slug, int position, EventMetadata meta) {
        List<Chapter> order = new ArrayList<>(others);
        order.removeIf(c -> c.slug().equals(slug));
        order.add(position - 1, null);
        List<ChapterChanged> events = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            Chapter chapter = order.get(i);
            if (chapter != null && chapter.position() != i + 1) {
                events.add(moved(chapter, i + 1, meta));
            }
        }
        return events;
    }

    private List<ChapterChanged> renumber(List<Chapter> order, EventMetadata meta) {
        List<ChapterChanged> events = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            if (order.get(i).position() != i + 1) {
                events.add(moved(order.get(i), i + 1, meta));
            }
        }
        return events;
    }

    /** A renumbering is its own event (own id), made by the same actor as the change that caused it. */
    private ChapterChanged moved(Chapter chapter, int position, EventMetadata cause) {
        ChapterState state = stateOf(chapter);
        state.setPosition(position);
        return event(metadata.following(cause), chapter.edition(), chapter.slug(), chapter.revision() + 1, state);
    }

    private static ChapterChanged event(EventMetadata meta, String edition, String slug, long revision, ChapterState state) {
        return ChapterChanged.newBuilder().setMetadata(meta).setEdition(edition).setSlug(slug)
                .setRevision(revision).setChapter(state).build();
    }

    private static ChapterState stateOf(Chapter chapter) {
        return ChapterState.newBuilder().setTitle(chapter.title()).setBody(chapter.body()).setPosition(chapter.position())
                .setOwnerTeam(chapter.ownerTeam()).setLanguage(chapter.language())
                .setErrata(chapter.errata().stream().map(e -> new Erratum(e.at(), e.note())).toList()).build();
    }

    /**
     * A chapter of another edition copied into {@code edition} as its revision {@code revision}:
     * the same slug, title, text, place, owner team and language, and no errata (the new edition
     * has not been corrected).
     */
    public static ChapterChanged copyTo(Chapter chapter, String edition, long revision, EventMetadata meta) {
        ChapterState state = stateOf(chapter);
        state.setErrata(List.of());
        return event(meta, edition, chapter.slug(), revision, state);
    }

    /**
     * The correction of a chapter of a closed edition: its new title and body as the next
     * revision, with one more erratum (now, and what was corrected). Only in a closed edition
     * (elsewhere a chapter is simply edited), by its team or an admin, based on the current
     * revision; the place, owner team and language stay.
     */
    private Decision<ChapterChanged, Written<Chapter>> erratum(String edition, String slug, Optional<Chapter> current,
            ChapterRequest request, Preconditions preconditions, Caller caller) {
        if (editions.edition(edition).filter(Edition::isClosed).isEmpty()) {
            throw ApiException.badRequest("erratum", "only a chapter of a closed edition is corrected by an erratum; "
                    + "edition " + edition + " is not closed: edit the chapter without erratum");
        }
        Chapter chapter = current.orElseThrow(() -> book.notFound(edition, slug));
        if (!caller.mayEdit(chapter.ownerTeam())) {
            throw ApiException.forbidden("chapter " + slug + " belongs to team " + chapter.ownerTeam()
                    + "; only its team and admins publish an erratum");
        }
        preconditions.checkChange(OptionalLong.of(chapter.revision()));
        EventMetadata meta = metadata.by(caller);
        ChapterState state = stateOf(chapter);
        state.setTitle(request.title());
        state.setBody(request.body());
        List<Erratum> errata = new ArrayList<>(state.getErrata());
        errata.add(new Erratum(meta.getOccurredAt(), request.erratum().strip()));
        state.setErrata(errata);
        ChapterChanged corrected = event(meta, edition, slug, chapter.revision() + 1, state);
        return Decision.publish(corrected, new Written<>(Chapter.of(corrected), false));
    }

    private static OptionalLong revisionOf(Optional<Chapter> chapter) {
        return chapter.map(c -> OptionalLong.of(c.revision())).orElse(OptionalLong.empty());
    }

    private static int clamp(int position, int max) {
        return Math.max(1, Math.min(position, max));
    }

    /**
     * In an edition that requires review, a team changes title or body only by publishing an
     * approved draft (content.drafts); admins may still correct a chapter directly.
     */
    private void requireReviewUnlessAdmin(Chapter current, ChapterState next, Caller caller) {
        boolean textChanged = !next.getTitle().equals(current.title()) || !next.getBody().equals(current.body());
        if (textChanged && !caller.isAdmin() && reviewRequired.test(current.edition())) {
            String problem = "edition " + current.edition() + " requires review: write a draft of the chapter"
                    + " (PUT .../chapters/" + current.slug() + "/draft), submit it and publish it once approved";
            throw new ApiException(HttpStatus.CONFLICT, "body: " + problem, List.of(new ApiException.FieldProblem("body", problem)),
                    Map.of());
        }
    }

    private static void requireAdmin(Caller caller, String why) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden(why);
        }
    }
}
