package org.reportplatform.content.accounts;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.reportplatform.content.accounts.AccountRequests.AccountChange;
import org.reportplatform.content.accounts.AccountRequests.NewAccount;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.ApiException.FieldProblem;
import org.reportplatform.platform.log.Decision;
import org.reportplatform.platform.log.EventMetadataFactory;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.DemoTokens;
import org.reportplatform.platform.security.Role;
import org.reportplatform.schemas.AccountChanged;
import org.reportplatform.schemas.AccountState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.Invitation;
import org.springframework.http.HttpStatus;

/**
 * Decides every change an admin makes to accounts: invite, change roles, teams or name, disable,
 * reset a password or a second factor. Each accepted change is one event carrying the account's
 * full new state; secrets go into it only hashed (the invitation token as SHA-256).
 */
public class AccountWrites {

    private final AccountBook book;
    private final RevisionLog<AccountChanged> log;
    private final EventMetadataFactory metadata;
    private final AccountsProperties properties;
    private final Clock clock;

    public AccountWrites(AccountBook book, RevisionLog<AccountChanged> log, EventMetadataFactory metadata,
            AccountsProperties properties, Clock clock) {
        this.book = book;
        this.log = log;
        this.metadata = metadata;
        this.properties = properties;
        this.clock = clock;
    }

    /** Creates an account without a password and the one-time link with which the person sets it. */
    public CreatedAccount create(NewAccount request, Caller caller) {
        Rights.requireAdmin(caller);
        Rights.requireSession(caller, "inviting a person");
        if (request == null) {
            throw ApiException.badRequest("body", "is required: {email, displayName, roles, teams}");
        }
        List<FieldProblem> problems = AccountRules.problems();
        AccountRules.checkEmail(request.email(), problems);
        AccountRules.checkDisplayName(request.displayName(), problems);
        List<String> roles = AccountRules.roles(request.roles(), problems);
        List<String> teams = AccountRules.teams(request.teams(), problems);
        AccountRules.throwIfAny(problems);
        String email = AccountRules.normalisedEmail(request.email());
        String token = Secrets.newToken();
        return log.write(() -> {
            requireFreeEmail(email);
            Instant now = now();
            AccountState state = AccountState.newBuilder().setEmail(email).setDisplayName(request.displayName().strip())
                    .setRoles(roles).setTeams(teams).setDisabled(false).setPasswordHash(null).setSessionsValidAfter(now)
                    .setInvitation(invitation(token, now)).setSecondFactor(null).setIdentityProvider(null).build();
            AccountChanged event = event(metadata.by(caller), newId(), 1, state);
            Account account = Account.of(event);
            return Decision.publish(event, new CreatedAccount(account, InvitationLink.of(token, account.invitationExpiresAt())));
        });
    }

    /**
     * Changes name, roles, teams or whether the account is disabled. Disabling makes every session
     * worthless at once; the last enabled admin keeps the admin role and stays enabled.
     */
    public Written<Account> change(String id, AccountChange request, Preconditions preconditions, Caller caller) {
        Rights.requireAdmin(caller);
        Rights.requireSession(caller, "changing an account");
        if (request == null) {
            throw ApiException.badRequest("body", "is required: {displayName?, roles?, teams?, disabled?}");
        }
        List<FieldProblem> problems = AccountRules.problems();
        if (request.displayName() != null) {
            AccountRules.checkDisplayName(request.displayName(), problems);
        }
        List<String> roles = request.roles() == null ? null : AccountRules.roles(request.roles(), problems);
        List<String> teams = request.teams() == null ? null : AccountRules.teams(request.teams(), problems);
        AccountRules.throwIfAny(problems);
        return log.write(() -> {
            AccountChanged latest = book.requireLatest(id);
            preconditions.checkIfPresent(OptionalLong.of(latest.getRevision()));
            AccountState before = latest.getAccount();
            AccountState.Builder after = AccountState.newBuilder(before);
            if (request.displayName() != null) {
                after.setDisplayName(request.displayName().strip());
            }
            if (roles != null) {
                after.setRoles(roles);
            }
            if (teams != null) {
                after.setTeams(teams);
            }
            if (request.disabled() != null) {
                after.setDisabled(request.disabled());
                if (request.disabled() && !before.getDisabled()) {
                    after.setSessionsValidAfter(now());
                }
            }
            AccountState state = after.build();
            if (state.equals(before)) {
                return Decision.nothing(new Written<>(Account.of(latest), false));
            }
            protectLastAdmin(before, state);
            AccountChanged event = event(metadata.by(caller), id, latest.getRevision() + 1, state);
            return Decision.publish(event, new Written<>(Account.of(event), false));
        });
    }

    /**
     * The account of a person the organisation's identity provider signed in: created on their
     * first sign-in, then kept to what the provider's groups give them at each sign-in (name,
     * roles, teams; nothing written when nothing changed). Refused (409) when the email belongs to
     * a password account, or to one of another provider, or when an admin disabled the account.
     * Only the gateway does this, as an admin without a token.
     */
    public Written<Account> provision(AccountRequests.ExternalAccount request, Caller caller) {
        Rights.requireAdmin(caller);
        Rights.requireSession(caller, "provisioning an identity provider's account");
        if (request == null) {
            throw ApiException.badRequest("body", "is required: {identityProvider, email, displayName, roles, teams}");
        }
        List<FieldProblem> problems = AccountRules.problems();
        if (request.identityProvider() == null || request.identityProvider().isBlank()) {
            problems.add(new FieldProblem("identityProvider", "is required"));
        }
        AccountRules.checkEmail(request.email(), problems);
        AccountRules.checkDisplayName(request.displayName(), problems);
        List<String> roles = AccountRules.roles(request.roles(), problems);
        List<String> teams = AccountRules.teams(request.teams(), problems);
        AccountRules.throwIfAny(problems);
        String email = AccountRules.normalisedEmail(request.email());
        String provider = request.identityProvider().strip();
        return log.write(() -> {
            var existing = book.byEmail(email);
            if (existing.isEmpty()) {
                AccountState state = AccountState.newBuilder().setEmail(email).setDisplayName(request.displayName().strip())
                        .setRoles(roles).setTeams(teams).setDisabled(false).setPasswordHash(null).setSessionsValidAfter(now())
                        .setInvitation(null).setSecondFactor(null).setIdentityProvider(provider).build();
                AccountChanged event = event(metadata.by(caller), newId(), 1, state);
                return Decision.publish(event, new Written<>(Account.of(event), true));
            }
            AccountChanged latest = book.requireLatest(existing.get().id());
            AccountState before = latest.getAccount();
            if (!provider.equals(before.getIdentityProvider())) {
                throw new ApiException(HttpStatus.CONFLICT, "email: " + email + " belongs to an account that signs in "
                        + (before.getIdentityProvider() == null ? "with a password" : "with " + before.getIdentityProvider()),
                        List.of(new FieldProblem("email", "belongs to an account that signs in another way")), Map.of());
            }
            if (before.getDisabled()) {
                throw new ApiException(HttpStatus.CONFLICT, "account " + latest.getAccountId() + " is disabled");
            }
            AccountState state = AccountState.newBuilder(before).setDisplayName(request.displayName().strip())
                    .setRoles(roles).setTeams(teams).build();
            if (state.equals(before)) {
                return Decision.nothing(new Written<>(Account.of(latest), false));
            }
            protectLastAdmin(before, state);
            AccountChanged event = event(metadata.by(caller), latest.getAccountId(), latest.getRevision() + 1, state);
            return Decision.publish(event, new Written<>(Account.of(event), false));
        });
    }

    /** Removes the password and opens a new invitation link to set another; sessions end. */
    public InvitationLink resetPassword(String id, Caller caller) {
        Rights.requireAdmin(caller);
        Rights.requireSession(caller, "resetting a password");
        String token = Secrets.newToken();
        return log.write(() -> {
            AccountChanged latest = book.requireLatest(id);
            AccountState before = latest.getAccount();
            if (before.getIdentityProvider() != null) {
                throw new ApiException(HttpStatus.CONFLICT, "account " + id + " signs in with the identity provider "
                        + before.getIdentityProvider() + ": it has no password to reset");
            }
            Instant now = now();
            AccountState state = AccountState.newBuilder(before).setPasswordHash(null).setSessionsValidAfter(now)
                    .setInvitation(invitation(token, now)).build();
            AccountChanged event = event(metadata.by(caller), id, latest.getRevision() + 1, state);
            return Decision.publish(event, InvitationLink.of(token, state.getInvitation().getExpiresAt()));
        });
    }

    /** Removes the second factor (a lost phone): the person enrols again at the next sign-in; sessions end. */
    public Written<Account> resetSecondFactor(String id, Caller caller) {
        Rights.requireAdmin(caller);
        Rights.requireSession(caller, "resetting a second factor");
        return log.write(() -> {
            AccountChanged latest = book.requireLatest(id);
            AccountState state = AccountState.newBuilder(latest.getAccount()).setSecondFactor(null).setSessionsValidAfter(now()).build();
            AccountChanged event = event(metadata.by(caller), id, latest.getRevision() + 1, state);
            return Decision.publish(event, new Written<>(Account.of(event), false));
        });
    }

    /** The demo accounts' creation (demo profile, first start): a password already set, no invitation. */
    void createWithPassword(String id, String email, String displayName, List<String> roles, List<String> teams,
            String passwordHash, Caller caller) {
        log.write(() -> {
            if (book.latestOf(id).isPresent()) {
                return Decision.nothing(null);
            }
            requireFreeEmail(email);
            AccountState state = AccountState.newBuilder().setEmail(email).setDisplayName(displayName)
                    .setRoles(roles).setTeams(teams).setDisabled(false).setPasswordHash(passwordHash)
                    .setSessionsValidAfter(now()).setInvitation(null).setSecondFactor(null).setIdentityProvider(null).build();
            return Decision.publish(event(metadata.by(caller), id, 1, state), null);
        });
    }

    private void protectLastAdmin(AccountState before, AccountState after) {
        boolean wasAdmin = !before.getDisabled() && before.getRoles().contains(Role.ADMIN.id());
        boolean staysAdmin = !after.getDisabled() && after.getRoles().contains(Role.ADMIN.id());
        if (wasAdmin && !staysAdmin && book.enabledAdmins() <= 1) {
            String field = after.getDisabled() ? "disabled" : "roles";
            throw new ApiException(HttpStatus.CONFLICT, "this is the last enabled admin: make another person admin first,"
                    + " or no one could manage accounts any more",
                    List.of(new FieldProblem(field, "the last enabled admin must stay an enabled admin")), Map.of());
        }
    }

    private void requireFreeEmail(String email) {
        if (book.byEmail(email).isPresent()) {
            throw new ApiException(HttpStatus.CONFLICT, "email: another account already signs in with " + email,
                    List.of(new FieldProblem("email", "is already taken by another account")), Map.of());
        }
    }

    private Invitation invitation(String token, Instant now) {
        return Invitation.newBuilder().setTokenHash(DemoTokens.sha256Hex(token))
                .setExpiresAt(now.plus(properties.invitationValidity())).build();
    }

    /** A fresh account id; never a demo- one, which the prod profile refuses. */
    private String newId() {
        String id;
        do {
            id = Secrets.newId();
        } while (book.latest(null, id).isPresent());
        return id;
    }

    /** Milliseconds, as the event carries them: what is applied in memory equals what a replay gives. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    static AccountChanged event(EventMetadata meta, String id, long revision, AccountState state) {
        return AccountChanged.newBuilder().setMetadata(meta).setAccountId(id).setRevision(revision).setAccount(state).build();
    }

}
