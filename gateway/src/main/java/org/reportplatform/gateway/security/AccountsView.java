package org.reportplatform.gateway.security;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.schemas.AccountChanged;
import org.reportplatform.schemas.AccountState;
import org.reportplatform.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import reactor.core.publisher.Mono;

/**
 * The accounts as the accounts topic has them now (id -> state, email -> id), on every replica:
 * who a session, a personal token or a sign-in belongs to, with the rights the account has at
 * this request (a role change or a disable applies at the next request).
 *
 * <p>For Spring Security's form login it is the {@link ReactiveUserDetailsService}: the user name
 * is the email (any case). A disabled account is a disabled user (Spring refuses it with
 * {@code DisabledException}); an account without a password (invitation not accepted yet, or an
 * identity provider's) gets a hash nobody knows the password of, so it cannot sign in with one and
 * the refusal takes as long as a wrong password.
 */
public class AccountsView extends TopicView<AccountChanged> implements ReactiveUserDetailsService {

    private static final Logger log = LoggerFactory.getLogger(AccountsView.class);

    /** A bcrypt hash of 32 random bytes thrown away at once: matches no password. */
    private static final String UNUSABLE_PASSWORD = unusablePassword();

    private final Map<String, AccountState> byId = new ConcurrentHashMap<>();
    private final Map<String, String> idByEmail = new ConcurrentHashMap<>();

    public AccountsView(ConsumerFactory<?, ?> consumers, Admin admin) {
        super(consumers, Topics.ACCOUNTS.name(), AccountChanged.class, admin, "gateway-accounts-view");
    }

    /** The account as it is now; empty when unknown or deleted. */
    public Optional<AccountState> account(String accountId) {
        return accountId == null ? Optional.empty() : Optional.ofNullable(byId.get(accountId));
    }

    /** The id of the account with this email (any case). */
    public Optional<String> idOfEmail(String email) {
        return email == null ? Optional.empty() : Optional.ofNullable(idByEmail.get(normalize(email)));
    }

    /** The account, if it exists and is not disabled. */
    public Optional<AccountState> enabledAccount(String accountId) {
        return account(accountId).filter(account -> !account.getDisabled());
    }

    /** Completes once this view has read the accounts topic up to its current end (what was just written). */
    public Mono<Boolean> awaitLatest(java.time.Duration timeout) {
        return awaitCurrentEnd(timeout);
    }

    /**
     * For form login. Reads the accounts topic to its current end first (bounded): a person who has
     * just set their password with an invitation link, through content-service, signs in with it
     * at once, on any replica.
     */
    @Override
    public Mono<UserDetails> findByUsername(String username) {
        return awaitLatest(LATEST_AT_SIGN_IN).then(Mono.fromSupplier(() ->
                idOfEmail(username).flatMap(id -> account(id).map(account -> (UserDetails) new AccountUser(id, account))).orElse(null)));
    }

    private static final java.time.Duration LATEST_AT_SIGN_IN = java.time.Duration.ofSeconds(2);

    /** The person of the account as a {@link Caller}, with its current roles and teams. */
    public static Caller caller(String accountId, AccountState account, String token) {
        Set<Role> roles = new HashSet<>();
        for (String role : account.getRoles()) {
            try {
                roles.add(Role.of(role));
            } catch (IllegalArgumentException e) {
                log.warn("account {} has an unknown role '{}', ignored", accountId, role);
            }
        }
        return new Caller(accountId, account.getDisplayName(), roles, Set.copyOf(account.getTeams()), token);
    }

    @Override
    protected void apply(String accountId, AccountChanged change) {
        AccountState previous = byId.get(accountId);
        AccountState account = change == null ? null : change.getAccount();
        if (previous != null) {
            idByEmail.remove(normalize(previous.getEmail()), accountId);
        }
        if (account == null) {
            byId.remove(accountId);
        } else {
            byId.put(accountId, account);
            idByEmail.put(normalize(account.getEmail()), accountId);
        }
    }

    static String normalize(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
    }

    /** Spring Security's user of an account: the email, the password hash, the roles; and the account id. */
    public static final class AccountUser extends User implements AccountPrincipal {

        private final String accountId;

        AccountUser(String accountId, AccountState account) {
            super(account.getEmail(), account.getPasswordHash() == null ? UNUSABLE_PASSWORD : account.getPasswordHash(),
                    !account.getDisabled(), true, true, true,
                    caller(accountId, account, null).roles().stream().map(role -> new SimpleGrantedAuthority(role.authority())).toList());
            this.accountId = accountId;
        }

        @Override
        public String accountId() {
            return accountId;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AccountUser user && user.accountId.equals(accountId);
        }

        @Override
        public int hashCode() {
            return accountId.hashCode();
        }
    }

    private static String unusablePassword() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return PasswordEncoderFactories.createDelegatingPasswordEncoder().encode(Base64.getEncoder().encodeToString(secret));
    }
}
