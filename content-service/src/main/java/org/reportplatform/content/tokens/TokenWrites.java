package org.reportplatform.content.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;
import org.reportplatform.content.accounts.AccountBook;
import org.reportplatform.content.accounts.Rights;
import org.reportplatform.content.accounts.Secrets;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.Decision;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.DemoTokens;
import org.reportplatform.schemas.PersonalTokenChanged;
import org.reportplatform.schemas.PersonalTokenState;

/**
 * Creates and revokes personal API tokens. The token is {@code rpt_<id>_<secret>}: the id lets the
 * owner and the logs name it, the secret (32 random bytes) makes it unguessable; the event keeps
 * the SHA-256 of the whole token, which is how the gateway looks a presented token up.
 */
public class TokenWrites {

    static final int DEFAULT_DAYS = 90;
    static final int MAX_DAYS = 365;
    private static final int MAX_NAME = 100;
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private final TokenBook book;
    private final AccountBook accounts;
    private final RevisionLog<PersonalTokenChanged> log;
    private final EventMetadataFactory metadata;
    private final Clock clock;

    public TokenWrites(TokenBook book, AccountBook accounts, RevisionLog<PersonalTokenChanged> log, EventMetadataFactory metadata,
            Clock clock) {
        this.book = book;
        this.accounts = accounts;
        this.log = log;
        this.metadata = metadata;
        this.clock = clock;
    }

    public CreatedToken create(TokenRequest request, Caller caller) {
        Rights.requireSession(caller, "creating an API token");
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw ApiException.badRequest("name", "is required: what the token is for, e.g. \"import des chiffres\"");
        }
        if (request.name().strip().length() > MAX_NAME || CONTROL.matcher(request.name()).find()) {
            throw ApiException.badRequest("name", "must be at most " + MAX_NAME + " characters, without control characters");
        }
        int days = request.expiresInDays() == null ? DEFAULT_DAYS : request.expiresInDays();
        if (days < 1 || days > MAX_DAYS) {
            throw ApiException.badRequest("expiresInDays", "must be 1 to " + MAX_DAYS + " (days)");
        }
        accounts.requireAccount(caller.accountId());
        String secret = Secrets.newToken();
        return log.write(() -> {
            String id = newId();
            String token = "rpt_" + id + "_" + secret;
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            PersonalTokenState state = PersonalTokenState.newBuilder().setAccountId(caller.accountId()).setName(request.name().strip())
                    .setSecretHash(DemoTokens.sha256Hex(token)).setCreatedAt(now).setExpiresAt(now.plus(Duration.ofDays(days)))
                    .setRevokedAt(null).build();
            PersonalTokenChanged event = event(caller, id, 1, state);
            return Decision.publish(event, new CreatedToken(id, state.getName(), token, state.getExpiresAt()));
        });
    }

    /**
     * Revokes a token of {@code owner}: the caller's own, or anyone's for an admin. Someone else's
     * token is a 404, as an unknown one: ids are not to be probed. Revoking twice changes nothing.
     */
    public void revoke(String owner, String id, Caller caller) {
        if (!caller.accountId().equals(owner)) {
            Rights.requireAdmin(caller);
        }
        log.write(() -> {
            PersonalTokenChanged latest = book.latest(null, id).filter(e -> e.getToken() != null)
                    .filter(e -> e.getToken().getAccountId().equals(owner))
                    .orElseThrow(() -> ApiException.notFound("no token " + id + " of this account"));
            if (latest.getToken().getRevokedAt() != null) {
                return Decision.nothing(null);
            }
            PersonalTokenState state = PersonalTokenState.newBuilder(latest.getToken())
                    .setRevokedAt(clock.instant().truncatedTo(ChronoUnit.MILLIS)).build();
            return Decision.publish(event(caller, id, latest.getRevision() + 1, state), null);
        });
    }

    private PersonalTokenChanged event(Caller caller, String id, long revision, PersonalTokenState state) {
        return PersonalTokenChanged.newBuilder().setMetadata(metadata.by(caller)).setTokenId(id).setRevision(revision)
                .setToken(state).build();
    }

    private String newId() {
        String id;
        do {
            id = Secrets.newId();
        } while (book.latest(null, id).isPresent());
        return id;
    }
}
