package org.reportplatform.render.drafts;

import java.util.List;
import java.util.Optional;
import org.reportplatform.render.publishing.OutputPublisher;
import org.reportplatform.render.publishing.PublishFailedException;
import org.reportplatform.render.publishing.PublishedOutputs;
import org.reportplatform.render.publishing.RebuildSummary;
import org.reportplatform.render.site.Rendition;

/**
 * Publishes a preview through the site's {@link OutputPublisher} (keyed by path, acks=all,
 * idempotent; a tombstone for a closed draft) unless the same bytes of the same draft revision are
 * already published: a draft event that changes only the review state still republishes, so the
 * preview always names the draft's latest revision.
 */
final class PreviewPublication {

    /** DISOWNED: not sent, another instance owns the preview now. */
    enum Outcome { PUBLISHED, DELETED, UNCHANGED, DISOWNED }

    /** What a worker's round did, for its summary. */
    static final class Tally {
        private int rendered;
        private int published;
        private int unchanged;
        private int deleted;

        void add(Outcome outcome) {
            if (outcome != Outcome.DISOWNED) {
                rendered++;
            }
            switch (outcome) {
                case PUBLISHED -> published++;
                case DELETED -> deleted++;
                case UNCHANGED -> unchanged++;
                case DISOWNED -> { }
            }
        }

        RebuildSummary summary() {
            return new RebuildSummary(rendered, published, unchanged, deleted);
        }
    }

    private final PublishedOutputs published;
    private final OutputPublisher publisher;

    PreviewPublication(PublishedOutputs published, OutputPublisher publisher) {
        this.published = published;
        this.publisher = publisher;
    }

    /** @throws PublishFailedException when Kafka did not acknowledge it */
    Outcome publish(Rendition rendition) {
        Optional<PublishedOutputs.Published> before = published.get(rendition.id());
        if (rendition.exists() && before.isPresent() && before.get().sha256().equals(rendition.sha256())
                && before.get().sourceRevisions().equals(rendition.sourceRevisions())) {
            return Outcome.UNCHANGED;
        }
        if (!rendition.exists() && before.isEmpty()) {
            return Outcome.UNCHANGED;
        }
        OutputPublisher.Result sent = publisher.publish(List.of(new OutputPublisher.Outgoing(rendition, rendition.causes())));
        if (!sent.disowned().isEmpty()) {
            return Outcome.DISOWNED;
        }
        if (!sent.failed().isEmpty()) {
            throw new PublishFailedException(rendition.path() + " was not acknowledged by Kafka: " + sent.error(), sent.error());
        }
        published.update(rendition);
        return rendition.exists() ? Outcome.PUBLISHED : Outcome.DELETED;
    }

}
