package org.reportplatform.content.accounts;

/** What inviting a person answers: the new account and its invitation link (shown this once). */
public record CreatedAccount(Account account, InvitationLink invitation) {
}
