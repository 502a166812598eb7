package org.reportplatform.gateway.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.reportplatform.schemas.SessionChanged;
import org.reportplatform.schemas.Topics;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * The browser sessions of every replica, as the sessions topic has them (SHA-256 of the cookie ->
 * session; a tombstone ends one). Expired sessions stay until their tombstone or compaction, and
 * are refused when used ({@link KafkaSessions}).
 */
public class SessionsView extends TopicView<SessionChanged> {

    private final Map<String, SessionChanged> byHash = new ConcurrentHashMap<>();

    public SessionsView(ConsumerFactory<?, ?> consumers, Admin admin) {
        super(consumers, Topics.SESSIONS.name(), SessionChanged.class, admin, "gateway-sessions-view");
    }

    public Optional<SessionChanged> session(String hash) {
        return Optional.ofNullable(byHash.get(hash));
    }

    public int size() {
        return byHash.size();
    }

    @Override
    protected void apply(String hash, SessionChanged session) {
        if (session == null) {
            byHash.remove(hash);
        } else {
            byHash.put(hash, session);
        }
    }
}
