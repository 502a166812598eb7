package org.reportplatform.content.accounts;

import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.security.Caller;

/** Who may manage accounts and tokens: checked before anything is looked up, so a refusal says nothing about an account. */
public final class Rights {

    private Rights() {
    }

    public static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw ApiException.forbidden("only an admin manages accounts");
        }
    }

    /**
     * A request made with an API token may not create tokens, accounts, invitations or second
     * factors: a leaked token must not be able to mint more access than it has.
     */
    public static void requireSession(Caller caller, String what) {
        if (caller.viaToken()) {
            throw ApiException.forbidden(what + " needs a signed-in session: an API token (" + caller.token() + ") may not do it");
        }
    }

    /** An admin, or the person themself. */
    public static void requireAdminOrSelf(Caller caller, String accountId) {
        if (!caller.isAdmin() && !caller.accountId().equals(accountId)) {
            throw ApiException.forbidden("only an admin or the person themself sees an account");
        }
    }
}
