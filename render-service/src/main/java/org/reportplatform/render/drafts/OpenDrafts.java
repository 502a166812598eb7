package org.reportplatform.render.drafts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.reportplatform.render.site.Causes;
import org.reportplatform.render.sources.EventInfo;

/**
 * The open drafts as the drafts topic says (the latest event per {@code {edition}/{slug}} wins),
 * and which of their previews wait to be rendered: the page and the PDF separately, each with the
 * events that made it dirty. A draft that closes stays dirty until its previews are deleted.
 * Synchronized: the drafts follower and the source listener write, the two preview workers take.
 */
public final class OpenDrafts {

    /** One open draft: what its previews are rendered from. */
    public record Draft(String edition, String slug, long revision, String title, String body) {
        public String key() {
            return edition + "/" + slug;
        }
    }

    /** A preview to render: the chapter's key, its open draft (empty: closed, delete the preview), and why. */
    public record Job(String edition, String slug, Optional<Draft> draft, Causes causes) {
    }

    private record Key(String edition, String slug) implements Comparable<Key> {
        @Override
        public int compareTo(Key other) {
            int byEdition = edition.compareTo(other.edition);
            return byEdition != 0 ? byEdition : slug.compareTo(other.slug);
        }
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
    public synchronized boolean apply(String edition, String slug, long revision, Draft draft, EventInfo event) {
        Key key = new Key(edition, slug);
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

    /** Marks every open draft's previews dirty, and those of the given chapters (previews published for drafts since closed). */
    public synchronized void markAllDirty(Collection<Map.Entry<String, String>> publishedChapters) {
        open.keySet().forEach(key -> markDirty(key, Causes.none()));
        publishedChapters.forEach(chapter -> markDirty(new Key(chapter.getKey(), chapter.getValue()), Causes.none()));
    }

    private void markDirty(Key key, Causes causes) {
        dirtyPages.merge(key, causes, Causes::merge);
        dirtyDocuments.merge(key, causes, Causes::merge);
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
        dirtyPages.merge(new Key(job.edition(), job.slug()), job.causes(), Causes::merge);
    }

    public synchronized void requeueDocument(Job job) {
        dirtyDocuments.merge(new Key(job.edition(), job.slug()), job.causes(), Causes::merge);
    }

    /** The open draft of a chapter, if any. */
    public synchronized Optional<Draft> get(String edition, String slug) {
        return Optional.ofNullable(open.get(new Key(edition, slug)));
    }

    public synchronized int size() {
        return open.size();
    }

    private Job job(Key key, Causes causes) {
        return new Job(key.edition(), key.slug(), Optional.ofNullable(open.get(key)), causes);
    }
}
