package org.reportplatform.gateway.security;

import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Set;
import java.util.regex.Pattern;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAuthentication;
import org.reportplatform.platform.security.DemoTokens;
import org.reportplatform.platform.security.Role;
import org.reportplatform.schemas.AccountState;
import org.reportplatform.schemas.SessionChanged;
import org.reportplatform.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Where Spring Security keeps who is signed in: browser sessions in Kafka
 * ({@code report.sessions.v1}), so a session survives a gateway restart and works on every
 * replica (no sticky sessions).
 *
 * <p>{@link #save} (after form login) draws a random 256-bit session id, writes the session keyed
 * by the id's SHA-256 (the topic holds no usable id), waits for Kafka's acknowledgement and for
 * this replica's view to have read it (so the next request finds it here), and sets the cookie
 * {@value #COOKIE}: {@code HttpOnly}, {@code SameSite=Lax}, {@code Path=/}, {@code Secure} unless
 * the request came to localhost, expiring with the session. Saving no context (sign-out) writes a
 * tombstone and expires the cookie.
 *
 * <p>{@link #load} reads the cookie, looks its hash up in the {@link SessionsView} (waiting a
 * little for the view to reach the topic's end when it is unknown: another replica may have just
 * written it), and refuses expired sessions and sessions whose account is unknown, disabled, or
 * reset since ({@code sessionsValidAfter}). The person is built from the account as it is now.
 * Loaded once per request.
 */
public class KafkaSessions implements ServerSecurityContextRepository {

    private static final Logger log = LoggerFactory.getLogger(KafkaSessions.class);

    public static final String COOKIE = "REPORT_SESSION";
    private static final String LOADED = KafkaSessions.class.getName() + ".loaded";
    /** 32 random bytes, base64url without padding. */
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
    private static final Set<Role> SECOND_FACTOR_ROLES = Set.of(Role.ADMIN, Role.OPERATOR);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SessionsView sessions;
    private final AccountsView accounts;
    private final KafkaTemplate<String, Object> kafka;
    private final GatewaySecurityProperties properties;
    private final boolean secondFactorRequired;
    private final Clock clock;

    @SuppressWarnings("unchecked")
    public KafkaSessions(SessionsView sessions, AccountsView accounts, KafkaTemplate<?, ?> kafka,
            GatewaySecurityProperties properties, boolean secondFactorRequired, Clock clock) {
        this.sessions = sessions;
        this.accounts = accounts;
        this.kafka = (KafkaTemplate<String, Object>) kafka;
        this.properties = properties;
        this.secondFactorRequired = secondFactorRequired;
        this.clock = clock;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        Authentication authentication = context == null ? null : context.getAuthentication();
        if (authentication == null) {
            return end(exchange);
        }
        if (authentication.getPrincipal() instanceof AccountPrincipal user) {
            // Form login: the password was right. With a confirmed second factor, the code comes next.
            // An identity provider: its own sign-in stands for the factors.
            boolean secondFactorDone = user.secondFactorByProvider()
                    || accounts.account(user.accountId()).map(account -> !hasSecondFactor(account)).orElse(false);
            return start(exchange, user.accountId(), secondFactorDone).then();
        }
        return Mono.empty();
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        Mono<SecurityContext> loaded = exchange.getAttribute(LOADED);
        if (loaded == null) {
            loaded = resolve(exchange).cache();
            exchange.getAttributes().put(LOADED, loaded);
        }
        return loaded;
    }

    /**
     * Starts a session for the account (a new id, never the one the browser came with): written,
     * acknowledged, in this replica's view, and its cookie set on the response.
     */
    public Mono<SignedInSession> start(ServerWebExchange exchange, String accountId, boolean secondFactorDone) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String hash = DemoTokens.sha256Hex(id);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.sessionLifetime());
        SessionChanged session = SessionChanged.newBuilder()
                .setAccountId(accountId)
                .setStartedAt(now)
                .setExpiresAt(expiresAt)
                .setSecondFactorDone(secondFactorDone)
                .setRemoteAddress(remoteAddress(exchange))
                .build();
        return write(hash, session).map(written -> {
            exchange.getResponse().addCookie(cookie(exchange, id, Duration.between(now, expiresAt)));
            SignedInSession started = new SignedInSession(hash, session, enrolmentRequired(accounts.account(accountId).orElse(null)));
            exchange.getAttributes().put(SignedInSession.ATTRIBUTE, started);
            log.info("session started for account {} from {} (second factor {})", accountId, session.getRemoteAddress(),
                    secondFactorDone ? "done or none" : "pending");
            return started;
        });
    }

    /** Ends the request's session, if any (a tombstone), and expires its cookie. */
    public Mono<Void> end(ServerWebExchange exchange) {
        exchange.getResponse().addCookie(cookie(exchange, "", Duration.ZERO));
        return endSession(exchange);
    }

    private Mono<Void> endSession(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (cookie == null || !SESSION_ID.matcher(cookie.getValue()).matches()) {
            return Mono.empty();
        }
        String hash = DemoTokens.sha256Hex(cookie.getValue());
        return write(hash, null).doOnNext(written -> log.info("session ended")).then();
    }

    /** Replaces the request's session with a new one (new id) whose second factor is done. */
    public Mono<SignedInSession> completeSecondFactor(ServerWebExchange exchange, String accountId) {
        return endSession(exchange).then(start(exchange, accountId, true));
    }

    private Mono<SendResult<String, Object>> write(String hash, SessionChanged session) {
        return Mono.fromFuture(() -> kafka.send(Topics.SESSIONS.name(), hash, session))
                .flatMap(result -> {
                    var metadata = result.getRecordMetadata();
                    return sessions.awaitRecord(metadata, properties.sessionLookupWait())
                            .doOnNext(seen -> {
                                if (!seen) {
                                    log.warn("the session written at {}-{}@{} is not in this replica's view after {}",
                                            metadata.topic(), metadata.partition(), metadata.offset(), properties.sessionLookupWait());
                                }
                            })
                            .thenReturn(result);
                });
    }

    private Mono<SecurityContext> resolve(ServerWebExchange exchange) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (cookie == null || !SESSION_ID.matcher(cookie.getValue()).matches()) {
            return Mono.empty();
        }
        String hash = DemoTokens.sha256Hex(cookie.getValue());
        return Mono.justOrEmpty(sessions.session(hash))
                .switchIfEmpty(Mono.defer(() -> sessions.awaitCurrentEnd(properties.sessionLookupWait())
                        .flatMap(caughtUp -> Mono.justOrEmpty(sessions.session(hash)))))
                .flatMap(session -> Mono.justOrEmpty(authenticate(exchange, hash, session)));
    }

    private SecurityContext authenticate(ServerWebExchange exchange, String hash, SessionChanged session) {
        Instant now = clock.instant();
        if (!session.getExpiresAt().isAfter(now)) {
            return null;
        }
        AccountState account = accounts.account(session.getAccountId()).orElse(null);
        if (account == null || account.getDisabled()) {
            log.info("refused a session of account {}: the account is {}", session.getAccountId(),
                    account == null ? "unknown" : "disabled");
            return null;
        }
        if (session.getStartedAt().isBefore(account.getSessionsValidAfter())) {
            log.info("refused a session of account {} started before its sessions were reset", session.getAccountId());
            return null;
        }
        exchange.getAttributes().put(SignedInSession.ATTRIBUTE, new SignedInSession(hash, session, enrolmentRequired(account)));
        if (!session.getSecondFactorDone()) {
            return new SecurityContextImpl(new PendingSecondFactor(session.getAccountId()));
        }
        Caller caller = AccountsView.caller(session.getAccountId(), account, null);
        return new SecurityContextImpl(new CallerAuthentication(caller));
    }

    /** An account of an identity provider has the provider's factors: no TOTP of ours to enrol. */
    private boolean enrolmentRequired(AccountState account) {
        return secondFactorRequired && account != null && account.getIdentityProvider() == null && !hasSecondFactor(account)
                && AccountsView.caller("?", account, null).hasAny(SECOND_FACTOR_ROLES);
    }

    static boolean hasSecondFactor(AccountState account) {
        return account.getSecondFactor() != null && account.getSecondFactor().getConfirmed();
    }

    private static ResponseCookie cookie(ServerWebExchange exchange, String value, Duration maxAge) {
        return ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(!isLocal(exchange))
                .sameSite("Lax")
                .path("/")
                .maxAge(maxAge)
                .build();
    }

    /** Browsers keep Secure cookies on http://localhost, but not every client does; elsewhere always Secure. */
    static boolean isLocal(ServerWebExchange exchange) {
        String host = exchange.getRequest().getURI().getHost();
        return host != null && LOCAL_HOSTS.contains(host);
    }

    static String remoteAddress(ServerWebExchange exchange) {
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
    }
}
