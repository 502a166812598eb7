package org.reportplatform.gateway.security;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.reportplatform.schemas.PersonalTokenChanged;
import org.reportplatform.schemas.PersonalTokenState;
import org.reportplatform.schemas.Topics;
import org.springframework.kafka.core.ConsumerFactory;
import reactor.core.publisher.Mono;

/** The personal API tokens as the tokens topic has them now (token id -> state: owner, hash, expiry, revocation). */
public class PersonalTokensView extends TopicView<PersonalTokenChanged> {

    private final Map<String, PersonalTokenState> byId = new ConcurrentHashMap<>();

    public PersonalTokensView(ConsumerFactory<?, ?> consumers, Admin admin) {
        super(consumers, Topics.PERSONAL_TOKENS.name(), PersonalTokenChanged.class, admin, "gateway-tokens-view");
    }

    public Optional<PersonalTokenState> token(String tokenId) {
        return tokenId == null ? Optional.empty() : Optional.ofNullable(byId.get(tokenId));
    }

    @Override
    protected void apply(String tokenId, PersonalTokenChanged change) {
        if (change == null || change.getToken() == null) {
            byId.remove(tokenId);
        } else {
            byId.put(tokenId, change.getToken());
        }
    }

    /** Completes once this view has read the tokens topic up to its current end (what was just written). */
    public Mono<Boolean> awaitLatest(java.time.Duration timeout) {
        return awaitCurrentEnd(timeout);
    }
}
