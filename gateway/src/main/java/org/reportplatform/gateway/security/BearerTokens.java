package org.reportplatform.gateway.security;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAuthentication;
import org.reportplatform.platform.security.DemoTokens;
import org.reportplatform.platform.security.SecurityProperties.DemoToken;
import org.reportplatform.schemas.AccountState;
import org.reportplatform.schemas.PersonalTokenState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * {@code Authorization: Bearer} at the gateway, for Spring Security's resource server (the token
 * reaches no service: the gateway sends its own assertion on):
 * <ul>
 * <li>a personal token {@code rpt_<id>_<secret>}: found by id, its SHA-256 compared in constant
 * time; refused when expired, revoked, or its owner unknown or disabled. It acts as its owner,
 * with the owner's rights as they are now.
 * <li>in the demo profile, a demo token: the demo account of the same id as it is now (refused
 * when disabled), or, before content-service has created the demo accounts, the demo token's
 * configured person.
 * </ul>
 * Anything else is refused (401 problem). Tokens are never logged.
 */
public class BearerTokens implements ReactiveAuthenticationManager {

    private static final Logger log = LoggerFactory.getLogger(BearerTokens.class);
    private static final String PREFIX = "rpt_";

    private final PersonalTokensView tokens;
    private final AccountsView accounts;
    private final DemoTokens demoTokens;
    private final Clock clock;

    public BearerTokens(PersonalTokensView tokens, AccountsView accounts, DemoTokens demoTokens, Clock clock) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.demoTokens = demoTokens;
        this.clock = clock;
    }

    @Override
    public Mono<Authentication> authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        Optional<Caller> caller = token.startsWith(PREFIX) ? personal(token) : demo(token);
        return Mono.justOrEmpty(caller)
                .<Authentication>map(CallerAuthentication::new)
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("the token is unknown, expired or revoked")));
    }

    private Optional<Caller> personal(String token) {
        int separator = token.indexOf('_', PREFIX.length());
        if (separator < 0) {
            return Optional.empty();
        }
        String id = token.substring(PREFIX.length(), separator);
        PersonalTokenState state = tokens.token(id).orElse(null);
        if (state == null || !sameHash(state.getSecretHash(), DemoTokens.sha256Hex(token))) {
            log.info("refused an unknown personal token (id {})", id.length() <= 16 ? id : "?");
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (state.getRevokedAt() != null || !state.getExpiresAt().isAfter(now)) {
            log.info("refused personal token {} of account {}: {}", id, state.getAccountId(),
                    state.getRevokedAt() != null ? "revoked" : "expired");
            return Optional.empty();
        }
        Optional<AccountState> owner = accounts.enabledAccount(state.getAccountId());
        if (owner.isEmpty()) {
            log.info("refused personal token {}: its owner {} is unknown or disabled", id, state.getAccountId());
            return Optional.empty();
        }
        return Optional.of(AccountsView.caller(state.getAccountId(), owner.get(), state.getName()));
    }

    private Optional<Caller> demo(String token) {
        Optional<DemoToken> demo = demoTokens.find(token);
        if (demo.isEmpty()) {
            return Optional.empty();
        }
        String accountId = demo.get().account();
        Optional<AccountState> account = accounts.account(accountId);
        if (account.isEmpty()) {
            return Optional.of(demo.get().caller());
        }
        if (account.get().getDisabled()) {
            log.info("refused demo token {}: its account is disabled", demo.get().name());
            return Optional.empty();
        }
        return Optional.of(AccountsView.caller(accountId, account.get(), demo.get().name()));
    }

    private static boolean sameHash(String storedHex, String presentedHex) {
        try {
            return MessageDigest.isEqual(HexFormat.of().parseHex(storedHex.toLowerCase()),
                    HexFormat.of().parseHex(presentedHex));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
