package org.reportplatform.gateway.presence;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.schemas.PresenceChanged;
import org.reportplatform.schemas.ReportIds;
import org.reportplatform.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;

/**
 * {@link ChapterPresence} over the compacted topic {@code report.presence.v1}, which every gateway
 * replica follows ({@link PresenceView}): "here" writes the person's presence on the chapter
 * (keyed {edition}/{slug}/{accountId}) at most once per {@code refresh} (as this replica's view
 * shows it, so a person coming back after "left", or through another replica, is written at once);
 * "left" writes a tombstone; "others" reads this replica's view: the people seen within the
 * {@code window}, not the caller, by name.
 *
 * <p>One record per person and chapter, not per browser tab: a person who closes one of two tabs
 * of the same chapter disappears until the other tab's next "here" (one poll of the editor).
 */
public class KafkaChapterPresence implements ChapterPresence {

    private static final Logger log = LoggerFactory.getLogger(KafkaChapterPresence.class);

    private static final Comparator<PresenceChanged> BY_NAME =
            Comparator.comparing(PresenceChanged::getDisplayName).thenComparing(PresenceChanged::getAccountId);

    private final PresenceView view;
    private final KafkaTemplate<String, Object> kafka;
    private final PresenceProperties properties;
    private final Clock clock;

    @SuppressWarnings("unchecked")
    public KafkaChapterPresence(PresenceView view, KafkaTemplate<?, ?> kafka, PresenceProperties properties, Clock clock) {
        this.view = view;
        this.kafka = (KafkaTemplate<String, Object>) kafka;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public Mono<Void> here(String edition, String slug, Caller caller) {
        check(edition, slug);
        Instant now = clock.instant();
        boolean fresh = view.person(edition, slug, caller.accountId())
                .filter(seen -> seen.getDisplayName().equals(caller.displayName()))
                .map(seen -> seen.getSeenAt().isAfter(now.minus(properties.refresh())))
                .orElse(false);
        if (fresh) {
            return Mono.empty();
        }
        PresenceChanged presence = PresenceChanged.newBuilder()
                .setEdition(edition)
                .setSlug(slug)
                .setAccountId(caller.accountId())
                .setDisplayName(caller.displayName())
                .setSeenAt(now)
                .setExpiresAt(now.plus(properties.window()))
                .build();
        return write(PresenceView.key(edition, slug, caller.accountId()), presence);
    }

    @Override
    public Mono<Void> left(String edition, String slug, Caller caller) {
        check(edition, slug);
        return write(PresenceView.key(edition, slug, caller.accountId()), null);
    }

    @Override
    public List<String> others(String edition, String slug, Caller caller) {
        check(edition, slug);
        Instant now = clock.instant();
        return view.people(edition, slug).stream()
                .filter(p -> !p.getAccountId().equals(caller.accountId()))
                .filter(p -> p.getExpiresAt().isAfter(now))
                .sorted(BY_NAME)
                .map(PresenceChanged::getDisplayName)
                .toList();
    }

    /** Written once Kafka acknowledged it (every replica can then read it), and read by this replica's view if it comes in time. */
    private Mono<Void> write(String key, PresenceChanged presence) {
        return Mono.fromFuture(() -> kafka.send(Topics.PRESENCE.name(), key, presence))
                .timeout(properties.writeTimeout())
                .flatMap(result -> view.awaitRecord(result.getRecordMetadata(), properties.viewWait()))
                .doOnNext(seen -> {
                    if (!seen) {
                        log.debug("presence {} written, not yet in this replica's view after {}", key, properties.viewWait());
                    }
                })
                .then();
    }

    /** Keys are {edition}/{slug}/{accountId}: an edition or slug with a slash would break them. */
    private static void check(String edition, String slug) {
        if (!ReportIds.isEdition(edition) || !ReportIds.isSlug(slug)) {
            throw new IllegalArgumentException("not a chapter: " + edition + "/" + slug);
        }
    }
}
