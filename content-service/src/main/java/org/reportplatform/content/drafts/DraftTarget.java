package org.reportplatform.content.drafts;

import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.schemas.DraftState;
import org.reportplatform.schemas.EventMetadata;

/**
 * What a draft becomes once published, and what {@link DraftWrites} needs to know of it: a
 * chapter's next revision ({@link ChapterDrafts}), or the next revision of one of its translations
 * (the translations package's). Every method runs under the target log's write lock and the
 * drafts', taken together by {@link DraftWrites}.
 *
 * @param <E> the event a publication writes on the target's topic
 * @param <P> what publishing answers (the chapter, the translation, as their APIs show them)
 */
public interface DraftTarget<E extends SpecificRecord, P extends AtRevision> {

    /** The target's log: a publication writes on it and the drafts' in one transaction. */
    RevisionLog<E> log();

    /** Whether drafts with this key are this target's (a chapter's: no language; a translation's: one). */
    boolean handles(DraftKey key);

    /** 400 naming the field for a wrong edition, slug or language. */
    void checkPath(DraftKey key);

    /** 404 when no draft can be written for it (no such chapter), 400 when the edition has no such target language. */
    void checkExists(DraftKey key);

    /** The published text now (empty: none yet, or deleted) and who may write it. */
    Published published(DraftKey key);

    /** The published revision a draft starting now is based on: the current one, 0 when there is none. */
    default long currentRevision(DraftKey key) {
        return published(key).text().map(Text::revision).orElse(0L);
    }

    /** Whether the published title or body differ from what they were at {@code baseRevision}. */
    boolean changedSince(DraftKey key, long baseRevision);

    /** The published text at {@code baseRevision}; empty when there was none. */
    Optional<Text> base(DraftKey key, long baseRevision);

    /** Where the draft's resource stands in the report, to list drafts in report order. */
    int position(DraftKey key);

    /** 403 unless the caller may write the draft (and publish it). */
    void requireWriter(Caller caller, DraftKey key);

    /** Whether the caller may read the draft: whoever may write it, reviewers and admins. */
    boolean mayRead(Caller caller, DraftKey key);

    /**
     * The events that publish the draft's title and body (none when the published text already
     * says it), and the answer: the resource as its API shows it after them. 404/409 when it
     * cannot be published now.
     */
    Publication<E, P> publishing(DraftKey key, DraftState draft, EventMetadata meta);

    /** A title and body at a revision. */
    record Text(String title, String body, long revision) {
    }

    /**
     * The published resource: its text now (empty when none: a translation not written yet, a
     * chapter deleted), and the team that owns it (null when none: only admins write).
     */
    record Published(Optional<Text> text, String ownerTeam) {
    }

    /** What publishing writes on the target's topic, the revision it makes (the draft's close names it), and the answer. */
    record Publication<E, P>(List<E> events, long revision, P answer) {
        public Publication {
            events = List.copyOf(events);
        }
    }
}
