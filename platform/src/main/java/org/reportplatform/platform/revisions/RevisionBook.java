package org.reportplatform.platform.revisions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.LogPosition;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.schemas.Topics;

/**
 * Every resource of a family, of every edition, as it is now, and a summary of each of its
 * revisions, as replayed from the family's topic. Older revisions are read back from the topic
 * when asked for, so memory grows by a small summary per revision, not by its content. Only
 * {@link #apply} changes it, and only with events Kafka has committed (its {@code RevisionLog}
 * calls it).
 *
 * <p>A resource is named by its edition and its id (the record key is {@code edition/id}).
 * Answers that a request turns into a 404 use the family's noun: {@code no chapter enfants in edition 2024}.
 *
 * <p>A family that has no editions (accounts, personal tokens) is keyed by its id alone: its
 * events' key is the id, and every method here takes {@code null} as the edition
 * ({@code list(null)} lists all of them; a 404 reads {@code no account demo-x}).
 */
public class RevisionBook<E extends SpecificRecord, S extends SpecificRecord, R extends AtRevision> {

    private final ResourceFamily<E, S, R> family;
    private final RevisionHistory<E, S> history;

    /** @param log reads older revisions back from the family's topic */
    public RevisionBook(ResourceFamily<E, S, R> family, RevisionReader<E> log) {
        this.family = family;
        this.history = family.revisions().newHistory(log::read);
    }

    public ResourceFamily<E, S, R> family() {
        return family;
    }

    /** Adds a committed event, found at {@code position} on the topic, as its resource's latest revision. */
    public void apply(E event, LogPosition position) {
        history.apply(event, position);
    }

    /** The record key of an event. */
    public String keyOf(E event) {
        return history.keyOf().apply(event);
    }

    /** The latest event of a resource, deleted or not; empty if it never existed. */
    public Optional<E> latest(String edition, String id) {
        return history.latest(key(edition, id));
    }

    /** The resource as it is now; empty if it never existed or was deleted. */
    public Optional<R> current(String edition, String id) {
        return latest(edition, id).filter(e -> family.stateOf(e) != null).map(family.view());
    }

    /** The resource as it is now; 404 if it never existed or was deleted. */
    public R requireCurrent(String edition, String id) {
        return current(edition, id).orElseThrow(() -> notFound(edition, id));
    }

    /** The resources of an edition (every resource, for a family without editions) as they are now, in the family's order. */
    public List<R> list(String edition) {
        return history.latestUnder(edition == null ? "" : edition + "/").stream()
                .filter(e -> family.stateOf(e) != null)
                .map(family.view())
                .sorted(family.order())
                .toList();
    }

    /** Whether any resource of the edition ever had an event (deleted ones count). */
    public boolean hasHistory(String edition) {
        return !history.latestUnder(edition + "/").isEmpty();
    }

    /** The resource's last revision (its deletion included); empty if it never existed. */
    public OptionalLong lastRevision(String edition, String id) {
        return history.lastRevision(key(edition, id));
    }

    /** The resource's last revision (its deletion included); 404 if it never existed. */
    public long requireLastRevision(String edition, String id) {
        return lastRevision(edition, id).orElseThrow(() -> notFound(edition, id));
    }

    /** One page of the resource's revisions, oldest first (empty if it never existed). */
    public RevisionPage revisions(String edition, String id, RevisionPaging paging) {
        return history.page(key(edition, id), paging);
    }

    /** Whether the resource has a revision with that number. */
    public boolean hasRevision(String edition, String id, long revision) {
        return history.has(key(edition, id), revision);
    }

    /** The event of one revision: the latest from memory, an older one read back from the topic. */
    public Optional<E> revision(String edition, String id, long revision) {
        return history.at(key(edition, id), revision);
    }

    /** The event of one revision; 404 if the resource never existed or has no such revision. */
    public E requireRevision(String edition, String id, long revision) {
        long last = requireLastRevision(edition, id);
        return revision(edition, id, revision).orElseThrow(() -> noSuchRevision(id, revision, last));
    }

    /** The events of revisions that exist ({@link #hasRevision}), in the order asked, with one read of the topic. */
    public List<E> revisions(String edition, String id, List<Long> revisions) {
        return history.at(key(edition, id), revisions);
    }

    /**
     * Every key's events, keys sorted, read back from the topic at the positions the book holds:
     * what a replay must give back exactly. For tests; it reads the whole history.
     */
    public Map<String, List<E>> all() {
        Map<String, List<E>> all = new LinkedHashMap<>();
        history.keys().forEach(key -> all.put(key, history.events(key)));
        return all;
    }

    /** How many revisions the book holds a summary of. */
    public long revisionCount() {
        return history.size();
    }

    /** The 404 of a resource that does not exist (any more). */
    public ApiException notFound(String edition, String id) {
        return ApiException.notFound("no " + family.noun() + " " + id + (edition == null ? "" : " in edition " + edition));
    }

    /** The record key of a resource: {@code edition/id}, or the id alone for a family without editions. */
    private static String key(String edition, String id) {
        return edition == null ? id : Topics.sourceKey(edition, id);
    }

    /** The 404 of a revision the resource does not have. */
    ApiException noSuchRevision(String id, long revision, long last) {
        return ApiException.notFound(family.noun() + " " + id + " has no revision " + revision + "; its revisions are 1 to " + last);
    }
}
