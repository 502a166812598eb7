package org.reportplatform.content.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.Decision;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.DemoTokens;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.security.SecondFactors;
import org.reportplatform.schemas.AccountChanged;
import org.reportplatform.schemas.AccountState;
import org.reportplatform.schemas.SecondFactor;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * What a person does to their own account: set a password with an invitation link, enrol a second
 * factor, use a recovery code. The password is hashed (bcrypt) before the write lock is taken: it
 * is slow on purpose, and other writes need not wait for it.
 */
public class OwnAccountWrites {

    /** One answer for an unknown, used or expired link: it must not tell which. */
    private static final String NO_INVITATION = "this invitation link is not valid (any more): ask an admin for a new one";

    private final AccountBook book;
    private final RevisionLog<AccountChanged> log;
    private final EventMetadataFactory metadata;
    private final PasswordEncoder passwords;
    private final SecondFactors secondFactors;
    private final Clock clock;

    public OwnAccountWrites(AccountBook book, RevisionLog<AccountChanged> log, EventMetadataFactory metadata,
            PasswordEncoder passwords, SecondFactors secondFactors, Clock clock) {
        this.book = book;
        this.log = log;
        this.metadata = metadata;
        this.passwords = passwords;
        this.secondFactors = secondFactors;
        this.clock = clock;
    }

    /** What the invitation page shows: whose account it is and until when the link works. */
    public record InvitationView(String email, String displayName, Instant expiresAt) {
    }

    public InvitationView invitation(String token) {
        AccountState state = openInvitation(token).getAccount();
        return new InvitationView(state.getEmail(), state.getDisplayName(), state.getInvitation().getExpiresAt());
    }

    /** Sets the password and uses the link up. Sessions started before (a reset) stay worthless. */
    public void acceptInvitation(String token, String password) {
        AccountChanged invited = openInvitation(token);
        AccountRules.checkPassword(password, invited.getAccount().getEmail());
        String hash = passwords.encode(password);
        log.write(() -> {
            AccountChanged latest = openInvitation(token);
            AccountState state = AccountState.newBuilder(latest.getAccount()).setPasswordHash(hash).setInvitation(null)
                    .setSessionsValidAfter(now()).build();
            return Decision.publish(AccountWrites.event(metadata.by(self(latest)), latest.getAccountId(),
                    latest.getRevision() + 1, state), null);
        });
    }

    /** Starts (or restarts) enrolment: a new secret, kept encrypted, unconfirmed until a first code matches. */
    public SecondFactorEnrolment.Started startSecondFactor(Caller caller) {
        Rights.requireSession(caller, "enrolling a second factor");
        return log.write(() -> {
            AccountChanged latest = book.requireLatest(caller.accountId());
            AccountState before = latest.getAccount();
            if (before.getSecondFactor() != null && before.getSecondFactor().getConfirmed()) {
                throw new ApiException(HttpStatus.CONFLICT, "a second factor is already enrolled; an admin can reset it");
            }
            String secret = secondFactors.newEncryptedSecret();
            AccountState state = AccountState.newBuilder(before).setSecondFactor(SecondFactor.newBuilder()
                    .setSecretEncrypted(secret).setConfirmed(false).setRecoveryCodeHashes(List.of()).build()).build();
            AccountChanged event = AccountWrites.event(metadata.by(caller), latest.getAccountId(), latest.getRevision() + 1, state);
            return Decision.publish(event, new SecondFactorEnrolment.Started(secondFactors.otpauthUri(secret, before.getEmail()),
                    secondFactors.qrCodeDataUri(secret, before.getEmail()), secondFactors.secretForManualEntry(secret)));
        });
    }

    /** Confirms enrolment with a first code from the app; answers the recovery codes, shown this once. */
    public SecondFactorEnrolment.Confirmed confirmSecondFactor(Caller caller, String code) {
        Rights.requireSession(caller, "enrolling a second factor");
        return log.write(() -> {
            AccountChanged latest = book.requireLatest(caller.accountId());
            SecondFactor pending = latest.getAccount().getSecondFactor();
            if (pending == null || pending.getConfirmed()) {
                throw new ApiException(HttpStatus.CONFLICT, "no second factor enrolment is in progress: start one first");
            }
            if (!secondFactors.verify(pending.getSecretEncrypted(), code)) {
                throw ApiException.badRequest("code", "is not the current code of your authenticator app (6 digits)");
            }
            List<String> codes = SecondFactors.newRecoveryCodes();
            SecondFactor confirmed = SecondFactor.newBuilder(pending).setConfirmed(true)
                    .setRecoveryCodeHashes(codes.stream().map(SecondFactors::hashRecoveryCode).toList()).build();
            AccountState state = AccountState.newBuilder(latest.getAccount()).setSecondFactor(confirmed).build();
            return Decision.publish(AccountWrites.event(metadata.by(caller), latest.getAccountId(), latest.getRevision() + 1, state),
                    new SecondFactorEnrolment.Confirmed(codes));
        });
    }

    /** Uses one recovery code up (the gateway's second sign-in step); 400 naming {@code code} when none matches. */
    public void useRecoveryCode(Caller caller, String code) {
        log.write(() -> {
            AccountChanged latest = book.requireLatest(caller.accountId());
            SecondFactor factor = latest.getAccount().getSecondFactor();
            Optional<String> used = factor == null || !factor.getConfirmed() ? Optional.empty()
                    : SecondFactors.matchingRecoveryCode(factor.getRecoveryCodeHashes(), code);
            if (used.isEmpty()) {
                throw ApiException.badRequest("code", "is not one of your unused recovery codes");
            }
            List<String> left = new ArrayList<>(factor.getRecoveryCodeHashes());
            left.remove(used.get());
            AccountState state = AccountState.newBuilder(latest.getAccount())
                    .setSecondFactor(SecondFactor.newBuilder(factor).setRecoveryCodeHashes(left).build()).build();
            return Decision.publish(AccountWrites.event(metadata.by(caller), latest.getAccountId(), latest.getRevision() + 1, state), null);
        });
    }

    private AccountChanged openInvitation(String token) {
        if (token == null || token.length() > 100) {
            throw ApiException.notFound(NO_INVITATION);
        }
        return book.byOpenInvitation(DemoTokens.sha256Hex(token), clock.instant()).orElseThrow(() -> ApiException.notFound(NO_INVITATION));
    }

    /** The person accepting their invitation is the actor of that change. */
    private static Caller self(AccountChanged account) {
        AccountState state = account.getAccount();
        return new Caller(account.getAccountId(), state.getDisplayName(),
                new HashSet<>(state.getRoles().stream().map(Role::of).toList()), new HashSet<>(state.getTeams()), null);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
