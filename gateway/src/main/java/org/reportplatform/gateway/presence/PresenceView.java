package org.reportplatform.gateway.presence;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.reportplatform.gateway.security.TopicView;
import org.reportplatform.schemas.PresenceChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Who has which chapter open, as the presence topic says, on this replica (every replica follows
 * the whole topic): chapter ({edition}/{slug}) -> account -> when last seen. A tombstone removes
 * the person from the chapter. Entries past their {@code expiresAt} stay until replaced or
 * tombstoned; {@link KafkaChapterPresence} leaves them out.
 */
public class PresenceView extends TopicView<PresenceChanged> {

    private final Map<String, Map<String, PresenceChanged>> byChapter = new ConcurrentHashMap<>();

    public PresenceView(ConsumerFactory<?, ?> consumers, Admin admin) {
        super(consumers, Topics.PRESENCE.name(), PresenceChanged.class, admin, "gateway-presence-view");
    }

    /** The record key of a person on a chapter. Edition and slug hold no slash; the account id comes last. */
    static String key(String edition, String slug, String accountId) {
        return edition + "/" + slug + "/" + accountId;
    }

    /** The people the topic has on the chapter, whenever last seen. */
    List<PresenceChanged> people(String edition, String slug) {
        Map<String, PresenceChanged> people = byChapter.get(edition + "/" + slug);
        return people == null ? List.of() : List.copyOf(people.values());
    }

    Optional<PresenceChanged> person(String edition, String slug, String accountId) {
        Map<String, PresenceChanged> people = byChapter.get(edition + "/" + slug);
        return Optional.ofNullable(people == null ? null : people.get(accountId));
    }

    @Override
    protected void apply(String key, PresenceChanged presence) {
        int first = key.indexOf('/');
        int second = key.indexOf('/', first + 1);
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("not an {edition}/{slug}/{accountId} key");
        }
        String chapter = key.substring(0, second);
        String accountId = key.substring(second + 1);
        if (presence == null) {
            byChapter.computeIfPresent(chapter, (c, people) -> {
                people.remove(accountId);
                return people.isEmpty() ? null : people;
            });
        } else {
            byChapter.computeIfAbsent(chapter, c -> new ConcurrentHashMap<>()).put(accountId, presence);
        }
    }
}
