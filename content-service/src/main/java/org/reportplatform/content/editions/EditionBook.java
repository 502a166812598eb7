package org.reportplatform.content.editions;

import java.util.Comparator;
import java.util.List;
import org.reportplatform.platform.editions.Edition;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.revisions.ResourceFamily;
import org.reportplatform.platform.revisions.RevisionBook;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.EditionState;
import org.reportplatform.schemas.Topics;

/**
 * Every edition that has an event of its own, as replayed from report.editions.v1 (a
 * {@link RevisionBook} of a family without editions: keyed by the edition's year alone).
 * Editions known only from their chapters are added by {@link EditionGuard}.
 */
public class EditionBook extends RevisionBook<EditionChanged, EditionState, Edition> {

    /** Keyed {edition}, newest first. */
    public static final ResourceFamily<EditionChanged, EditionState, Edition> EDITIONS = new ResourceFamily<>("edition",
            Topics.EDITIONS, new Revisioned<>(EditionChanged::getEdition, EditionChanged::getRevision, EditionChanged::getMetadata,
                    EditionChanged::getState),
            Edition::of, Comparator.comparing(Edition::edition).reversed(), List.of("title"));

    public EditionBook(RevisionReader<EditionChanged> log) {
        super(EDITIONS, log);
    }
}
