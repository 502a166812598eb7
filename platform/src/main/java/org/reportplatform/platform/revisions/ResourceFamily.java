package org.reportplatform.platform.revisions;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.schemas.Topic;

/**
 * What is specific to one family of revisioned resources (chapters, indicators, datasets...): the
 * rest of a writer, the same for every family, is the revision kit built on it: {@link RevisionBook}
 * (every resource as it is now and its history), {@link RevisionBeans} (the reader, book and log
 * beans), {@link HistoryEndpoints} (list, read, compare and restore revisions over HTTP) and
 * {@link Written} (what a write answers).
 *
 * <p>A new family (drafts, say) plugs in with a few lines. Its events carry a key
 * ({@code edition/id}), a revision, their metadata, and the full new state (null for a deletion);
 * its view is a record with a {@code long revision} component that implements {@link AtRevision}.
 *
 * <pre>
 * // 1. What is specific to drafts
 * public static final ResourceFamily&lt;DraftChanged, DraftState, Draft&gt; DRAFTS = new ResourceFamily&lt;&gt;(
 *         "draft", Topics.DRAFTS,
 *         new Revisioned&lt;&gt;(e -&gt; Topics.sourceKey(e.getEdition(), e.getSlug()), DraftChanged::getRevision,
 *                 DraftChanged::getMetadata, DraftChanged::getDraft),
 *         Draft::of, Comparator.comparing(Draft::slug), List.of("title", "body"));
 *
 * // 2. Its beans: draftReader, draftBook (a RevisionBook&lt;DraftChanged, DraftState, Draft&gt;) and draftLog
 * &#64;Configuration
 * &#64;Import(DraftsConfiguration.Beans.class)
 * class DraftsConfiguration {
 *     static final class Beans extends RevisionBeans&lt;DraftChanged, DraftState, Draft, RevisionBook&lt;DraftChanged, DraftState, Draft&gt;&gt; {
 *         Beans() { super(DRAFTS); }
 *     }
 * }
 *
 * // 3. Its history endpoints, in its controller (keep the OpenAPI annotations on each method)
 * private final HistoryEndpoints&lt;DraftChanged, DraftState, Draft&gt; history = new HistoryEndpoints&lt;&gt;(book, DraftRules::checkPath);
 *
 * &#64;GetMapping("/{slug}/revisions")
 * public ResponseEntity&lt;List&lt;RevisionSummary&gt;&gt; revisions(&#64;PathVariable String edition, &#64;PathVariable String slug,
 *         &#64;RequestParam(required = false) String limit, &#64;RequestParam(required = false) String before, ServerWebExchange exchange) {
 *     return history.page(edition, slug, limit, before, exchange);
 * }
 * // likewise history.revision(...), history.diff(...), history.restore(..., writes::restore)
 * </pre>
 *
 * <p>A family without editions (accounts, keyed by the account id) keys its events by the id
 * alone and passes {@code null} as the edition to the book and the history endpoints.
 *
 * <p>Writes decide with the book ({@link RevisionBook#latest}, {@link RevisionBook#requireCurrent})
 * and publish with the family's {@code RevisionLog} bean, as before.
 *
 * @param noun       what one resource is called in messages and bean names: {@code chapter}
 * @param topic      the topic that holds the family's whole history
 * @param revisions  how to read key, revision, metadata and state from an event
 * @param view       the resource as the API shows it, from an event that has a state
 * @param order      the order in which a list of an edition's resources is shown
 * @param textFields the fields a diff shows line by line (the others are only named as changed)
 */
public record ResourceFamily<E extends SpecificRecord, S extends SpecificRecord, R extends AtRevision>(
        String noun,
        Topic<E> topic,
        Revisioned<E, S> revisions,
        Function<E, R> view,
        Comparator<R> order,
        List<String> textFields) {

    public ResourceFamily {
        Objects.requireNonNull(noun, "noun");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(revisions, "revisions");
        Objects.requireNonNull(view, "view");
        Objects.requireNonNull(order, "order");
        textFields = List.copyOf(textFields);
    }

    /** The state an event leaves, or null when it deleted the resource. */
    S stateOf(E event) {
        return revisions.stateOf().apply(event);
    }
}
