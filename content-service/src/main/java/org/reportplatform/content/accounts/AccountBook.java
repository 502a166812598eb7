package org.reportplatform.content.accounts;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.revisions.ResourceFamily;
import org.reportplatform.platform.revisions.RevisionBook;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.platform.security.Role;
import org.reportplatform.schemas.AccountChanged;
import org.reportplatform.schemas.AccountState;
import org.reportplatform.schemas.Topics;

/**
 * Every account as it is now and its history, replayed from report.accounts.v1. Accounts have no
 * edition: the key is the account id (the book is asked with a null edition).
 *
 * <p>Lookups by email or invitation scan the accounts: an organisation has hundreds of people, not
 * millions, and a scan cannot drift from the book the way a second index could.
 */
public class AccountBook extends RevisionBook<AccountChanged, AccountState, Account> {

    /** Keyed by account id, listed by display name; the display name is diffed line by line. */
    public static final ResourceFamily<AccountChanged, AccountState, Account> ACCOUNTS = new ResourceFamily<>("account",
            Topics.ACCOUNTS, new Revisioned<>(AccountChanged::getAccountId, AccountChanged::getRevision,
                    AccountChanged::getMetadata, AccountChanged::getAccount),
            Account::of, Comparator.comparing((Account a) -> a.displayName().toLowerCase(Locale.ROOT)).thenComparing(Account::id),
            List.of("displayName"));

    public AccountBook(RevisionReader<AccountChanged> log) {
        super(ACCOUNTS, log);
    }

    /** Every account (disabled ones too), by display name. */
    public List<Account> accounts() {
        return list(null);
    }

    public Account requireAccount(String id) {
        return requireCurrent(null, id);
    }

    /** The latest event of an existing account: what a write changes (it holds the hashes the view leaves out). */
    public Optional<AccountChanged> latestOf(String id) {
        return latest(null, id).filter(e -> e.getAccount() != null);
    }

    public AccountChanged requireLatest(String id) {
        return latestOf(id).orElseThrow(() -> notFound(null, id));
    }

    /** The account whose email is {@code email}, ignoring case. */
    public Optional<Account> byEmail(String email) {
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        return accounts().stream().filter(a -> a.email().toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }

    /** The enabled account with an open invitation whose token hashes to {@code tokenHash}, unexpired at {@code now}. */
    public Optional<AccountChanged> byOpenInvitation(String tokenHash, Instant now) {
        return accounts().stream()
                .map(a -> requireLatest(a.id()))
                .filter(e -> !e.getAccount().getDisabled())
                .filter(e -> e.getAccount().getInvitation() != null
                        && e.getAccount().getInvitation().getTokenHash().equals(tokenHash)
                        && e.getAccount().getInvitation().getExpiresAt().isAfter(now))
                .findFirst();
    }

    /** How many enabled accounts have the admin role. */
    public long enabledAdmins() {
        return accounts().stream().filter(a -> !a.disabled() && a.roles().contains(Role.ADMIN.id())).count();
    }
}
