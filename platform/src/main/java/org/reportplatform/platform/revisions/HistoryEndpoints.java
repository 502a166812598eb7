package org.reportplatform.platform.revisions;

import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.OffEventLoop;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The history endpoints of a family of resources, which its controller delegates to (keeping the
 * mappings and their OpenAPI annotations): a page of revisions, the resource at one revision, a
 * diff between two, and restoring an old one. Reads are public; a deleted resource keeps its history.
 *
 * <p>Request parameters arrive as strings so that a bad number is a 400 naming the parameter
 * ({@link RevisionNumber}, {@link RevisionPaging}). What is read back from the topic is read off the
 * event loop ({@link OffEventLoop}).
 */
public class HistoryEndpoints<E extends SpecificRecord, S extends SpecificRecord, R extends AtRevision> {

    /** A writer's restore: makes revision n's content current again, as a new revision (blocking). */
    @FunctionalInterface
    public interface Restore<R extends AtRevision> {
        Written<R> restore(String edition, String id, long revision, Preconditions preconditions, Caller caller);
    }

    private final RevisionBook<E, S, R> book;
    private final ResourceFamily<E, S, R> family;
    private final BiConsumer<String, String> checkPath;

    /**
     * @param checkPath checks a request's edition and id (a 400 naming what is wrong) before anything is looked up
     */
    public HistoryEndpoints(RevisionBook<E, S, R> book, BiConsumer<String, String> checkPath) {
        this.book = book;
        this.family = book.family();
        this.checkPath = checkPath;
    }

    /** {@code GET .../revisions?limit=&before=}: one page of revisions, oldest first, with a next link; 404 if it never existed. */
    public ResponseEntity<List<RevisionSummary>> page(String edition, String id, String limit, String before,
            ServerWebExchange exchange) {
        requireLastRevision(edition, id);
        RevisionPaging paging = RevisionPaging.of(limit, before);
        return book.revisions(edition, id, paging).answer(exchange.getRequest(), paging);
    }

    /** {@code GET .../revisions/{revision}}: the resource as it was; 404 without that revision, 410 if it was the deletion. */
    public Mono<R> revision(String edition, String id, String revision) {
        long last = requireLastRevision(edition, id);
        long number = RevisionNumber.parse("revision", revision);
        requireRevision(edition, id, number, last);
        return OffEventLoop.call(() -> {
            E event = book.revision(edition, id, number).orElseThrow(() -> book.noSuchRevision(id, number, last));
            if (family.stateOf(event) == null) {
                throw new ApiException(HttpStatus.GONE, "revision " + number + " of " + family.noun() + " " + id
                        + " deleted it: it has no content; revision " + (number - 1) + " is the content before");
            }
            return family.view().apply(event);
        });
    }

    /**
     * {@code GET .../diff?from=&to=}: what changed between two revisions; by default the last
     * change. {@code from} may be after {@code to} (the diff goes backwards).
     */
    public Mono<RevisionDiff> diff(String edition, String id, String from, String to) {
        long last = requireLastRevision(edition, id);
        long toRevision = to == null ? last : RevisionNumber.parse("to", to);
        long fromRevision = from == null ? Math.max(1, toRevision - 1) : RevisionNumber.parse("from", from);
        requireRevision(edition, id, fromRevision, last);
        requireRevision(edition, id, toRevision, last);
        return OffEventLoop.call(() -> {
            List<E> events = book.revisions(edition, id, List.of(fromRevision, toRevision));
            return family.revisions().diff(events.get(0), events.get(1), family.textFields());
        });
    }

    /**
     * {@code POST .../revisions/{revision}/restore}, answered plainly: 201 when it brought a deleted
     * resource back, 200 otherwise, the new revision as ETag. If-Match, when sent, is passed on.
     */
    public Mono<ResponseEntity<R>> restore(String edition, String id, String revision, Caller caller,
            ServerWebExchange exchange, Restore<R> restore) {
        return restore(edition, id, revision, caller, exchange, restore, Written::answer);
    }

    /** {@link #restore(String, String, String, Caller, ServerWebExchange, Restore)} with the family's own answer. */
    public <T> Mono<ResponseEntity<T>> restore(String edition, String id, String revision, Caller caller,
            ServerWebExchange exchange, Restore<R> restore, Function<Written<R>, ResponseEntity<T>> answer) {
        long number = RevisionNumber.parse("revision", revision);
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> restore.restore(edition, id, number, preconditions, caller)).map(answer);
    }

    /** The resource's last revision (its deletion included), after checking the path; 404 if it never existed. */
    private long requireLastRevision(String edition, String id) {
        checkPath.accept(edition, id);
        return book.requireLastRevision(edition, id);
    }

    private void requireRevision(String edition, String id, long revision, long last) {
        if (!book.hasRevision(edition, id, revision)) {
            throw book.noSuchRevision(id, revision, last);
        }
    }
}
