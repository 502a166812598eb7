package org.reportplatform.content.accounts;

import java.util.List;

/** The bodies the accounts API accepts. Fields left out of a PATCH stay as they are. */
public final class AccountRequests {

    private AccountRequests() {
    }

    /** {@code POST /api/accounts}. */
    public record NewAccount(String email, String displayName, List<String> roles, List<String> teams) {
    }

    /** {@code PATCH /api/accounts/{id}}. */
    public record AccountChange(String displayName, List<String> roles, List<String> teams, Boolean disabled) {
    }

    /**
     * {@code PUT /api/accounts/external}: a person signed in by an identity provider, with the roles
     * and teams the gateway's mapping gives them.
     */
    public record ExternalAccount(String identityProvider, String email, String displayName, List<String> roles, List<String> teams) {
    }

    /** {@code POST /api/invitations/{token}}. */
    public record NewPassword(String password) {
    }

    /** A one-time password or a recovery code. */
    public record Code(String code) {
    }
}
