package org.reportplatform.render.drafts;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reportplatform.platform.log.LogFollower;
import org.reportplatform.platform.log.LogTail;
import org.reportplatform.platform.log.FollowingLifecycle;
import org.reportplatform.render.sources.EventInfo;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.DraftState;
import org.reportplatform.schemas.EventMetadata;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows {@code report.drafts.v1} from the beginning for as long as the service runs, with a
 * consumer of its own (no group, nothing committed, read committed: a draft whose transaction was
 * aborted never shows), into the {@link OpenDrafts}, and wakes the preview workers at each change.
 * Not the source topics' flow: no dead letter, no lag to report; a record that cannot be read
 * changes nothing and is logged (the drafts topic's writer, content-service, checks what it
 * writes).
 */
public final class DraftFollower extends FollowingLifecycle<String, Object> {

    private static final Logger log = LoggerFactory.getLogger(DraftFollower.class);

    private final LogFollower<String, Object> follower;
    private final OpenDrafts drafts;
    private final Runnable changed;

    /** @param changed called after each change of the open drafts (on the follower's thread) */
    public DraftFollower(LogFollower<String, Object> follower, OpenDrafts drafts, Runnable changed) {
        this.follower = follower;
        this.drafts = drafts;
        this.changed = changed;
    }

    @Override
    protected LogTail<String, Object> follow() {
        return follower.follow(this::apply, read -> log.info("drafts read in {} ms: {} open draft(s)", read.millis(), drafts.size()));
    }

    /** The running tail (its {@code caughtUp()}), or null when stopped. */
    LogTail<String, Object> running() {
        return tail();
    }

    private void apply(ConsumerRecord<String, Object> record) {
        if (!(record.value() instanceof DraftChanged event)) {
            if (record.value() != null) {
                log.warn("skipped a record that is not a DraftChanged at {}-{}@{}", record.topic(), record.partition(), record.offset());
            }
            return;
        }
        EventMetadata metadata = event.getMetadata();
        EventInfo info = new EventInfo(metadata.getEventId(), metadata.getOccurredAt(), metadata.getTraceparent());
        DraftState state = event.getDraft();
        OpenDrafts.Key key = new OpenDrafts.Key(event.getEdition(), event.getSlug(), event.getLanguage());
        OpenDrafts.Draft draft = state == null ? null
                : new OpenDrafts.Draft(key, event.getRevision(), state.getTitle(), state.getBody(), state.getSourceRevision());
        if (drafts.apply(key, event.getRevision(), draft, info)) {
            log.debug("draft {} revision {} {}", key, event.getRevision(), draft == null ? "closed" : "changed");
            changed.run();
        }
    }
}
