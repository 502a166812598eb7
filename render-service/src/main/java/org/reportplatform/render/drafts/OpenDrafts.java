package org.reportplatform.render.drafts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.reportplatform.render.sharing.OutputOwnership;
import org.reportplatform.render.site.Causes;
import org.reportplatform.render.site.OutputId;
import org.reportplatform.render.sources.EventInfo;

/**
 * The open drafts as the drafts topic says (the latest event per {@code {edition}/{slug}} for a
 * chapter's own draft, {@code {edition}/{slug}/{language}} for a translation's, wins),
 * and which of their previews wait to be rendered: the page and the PDF separately, each with the
 * events that made it dirty. A draft that closes stays dirty until its previews are deleted.
 * Synchronized: the drafts follower and the source listener write, the two preview workers take.
 * Only the previews this instance owns ({@link OutputOwnership}, by their path) are ever dirty.
 */
public final class OpenDrafts {

    /**
     * Which draft: a chapter's own ({@code language} null) or that of its translation into
     * {@code language}. Ordered by edition, chapter, then the source before its translations.
     */
    public record Key(String edition, String slug, String language) implements Comparable<Key> {
        private static final Comparator<Key> ORDER = Comparator.comparing(Key::edition).thenComparing(Key::slug)
                .thenComparing(Key::language, Comparator.nullsFirst(Comparator.naturalOrder()));

        @Override
        public int compareTo(Key other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * One open draft: what its previews are rendered from. A translation's draft may name the
     * source revision it translates ({@code sourceRevision}; null: the chapter's current one).
     */
    public record Draft(Key key, long revision, String title, String body, Long sourceRevision) {
    }

    /** A preview to render: the draft's key, its open draft (empty: closed, delete the preview), and why. */
    public record Job(Key key, Optional<Draft> draft, Causes causes) {
        public String edition() {
            return key.edition();
        }
    }

    private final OutputOwnership ownership;

    /** Every preview is this instance's. */
    public OpenDrafts() {
        this(OutputOwnership.everything());
    }

    public OpenDrafts(OutputOwnership ownership) {
        this.ownership = ownership;
    }

    private static OutputId page(Key key) {
        return new OutputId.DraftPage(key.edition(), key.language(), key.slug());
    }

    private static OutputId document(Key key) {
        return new OutputId.DraftDocument(key.edition(), key.language(), key.slug());
    }

    private final Map<Key, Draft> open = new HashMap<>();
    /** The highest draft revision seen per key, open or closed: an older event changes nothing. */
    private final Map<Key, Long> revisions = new HashMap<>();
    private final SortedMap<Key, Causes> dirtyPages = new TreeMap<>();
    private final SortedMap<Key, Causes> dirtyDocuments = new TreeMap<>();

    /**
     * A draft event: {@code draft} the new state, or null when it closed. True when it changed
     * something (an event no newer than what was applied is ignored); its previews are then dirty.
     */
    public synchronized boolean apply(Key key, long revision, Draft draft, EventInfo event) {
        Long seen = revisions.get(key);
        if (seen != null && seen >= revision) {
            return false;
        }
        revisions.put(key, revision);
        boolean wasOpen = open.containsKey(key);
        if (draft == null) {
            open.remove(key);
            if (!wasOpen) {
                return false;
            }
        } else {
            open.put(key, draft);
        }
        markDirty(key, Causes.of(event));
        return true;
    }

    /**
     * The sources of an edition changed (a figure, a dataset, a chapter): the previews of its open
     * drafts are dirty. Returns how many drafts that is.
     */
    public synchronized int sourcesChanged(String edition, EventInfo event) {
        int count = 0;
        for (Key key : open.keySet()) {
            if (key.edition().equals(edition)) {
                markDirty(key, Causes.of(event));
                count++;
            }
        }
        return count;
    }

    /** Marks every open draft's previews dirty, and those of the given drafts (previews published for drafts since closed). */
    public synchronized void markAllDirty(Collection<Key> published) {
        open.keySet().forEach(key -> markDirty(key, Causes.none()));
        published.forEach(key -> markDirty(key, Causes.none()));
    }

    private void markDirty(Key key, Causes causes) {
        markDirty(key, causes, ownership::owns);
    }

    private void markDirty(Key key, Causes causes, Predicate<OutputId> mine) {
        if (mine.test(page(key))) {
            dirtyPages.merge(key, causes, Causes::merge);
        }
        if (mine.test(document(key))) {
            dirtyDocuments.merge(key, causes, Causes::merge);
        }
    }

    /**
     * Previews this instance has just been given: those of every open draft and of the given
     * drafts (previews published for drafts since closed) that {@code gained} accepts, dirty.
     */
    public synchronized void markDirty(Predicate<OutputId> gained, Collection<Key> published) {
        open.keySet().forEach(key -> markDirty(key, Causes.none(), gained));
        published.forEach(key -> markDirty(key, Causes.none(), gained));
    }

    /** Forgets the dirty previews this instance no longer owns. */
    public synchronized void dropUnowned() {
        dirtyPages.keySet().removeIf(key -> !ownership.owns(page(key)));
        dirtyDocuments.keySet().removeIf(key -> !ownership.owns(document(key)));
    }

    public synchronized boolean hasDirtyPages() {
        return !dirtyPages.isEmpty();
    }

    /** Takes every dirty page preview, with the draft as it is now. */
    public synchronized List<Job> takeDirtyPages() {
        List<Job> jobs = new ArrayList<>(dirtyPages.size());
        dirtyPages.forEach((key, causes) -> jobs.add(job(key, causes)));
        dirtyPages.clear();
        return jobs;
    }

    /** Takes the next dirty PDF preview, if any. */
    public synchronized Optional<Job> takeDirtyDocument() {
        if (dirtyDocuments.isEmpty()) {
            return Optional.empty();
        }
        Key key = dirtyDocuments.firstKey();
        return Optional.of(job(key, dirtyDocuments.remove(key)));
    }

    /** Its publication failed: dirty again, causes kept. */
    public synchronized void requeuePage(Job job) {
        if (ownership.owns(page(job.key()))) {
            dirtyPages.merge(job.key(), job.causes(), Causes::merge);
        }
    }

    public synchronized void requeueDocument(Job job) {
        if (ownership.owns(document(job.key()))) {
            dirtyDocuments.merge(job.key(), job.causes(), Causes::merge);
        }
    }

    /** The open draft with that key, if any. */
    public synchronized Optional<Draft> get(Key key) {
        return Optional.ofNullable(open.get(key));
    }

    public synchronized int size() {
        return open.size();
    }

    private Job job(Key key, Causes causes) {
        return new Job(key, Optional.ofNullable(open.get(key)), causes);
    }
}
