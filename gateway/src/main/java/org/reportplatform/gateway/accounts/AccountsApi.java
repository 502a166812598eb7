package org.reportplatform.gateway.accounts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * What content-service's accounts API answers (docs/accounts-pages.md lists the calls), as the
 * pages read it. Unknown members are ignored: the API may grow without breaking the pages.
 */
public final class AccountsApi {

    private AccountsApi() {
    }

    /** {@code GET /api/me}, {@code GET /api/accounts[/{id}]}. Never a hash or a secret. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(String id, String email, String displayName, List<String> roles, List<String> teams,
            boolean disabled, boolean hasPassword, String secondFactor, Instant invitationExpiresAt,
            String identityProvider, long revision, Instant updatedAt, String updatedBy, String updatedByName) {

        public Person {
            roles = roles == null ? List.of() : List.copyOf(roles);
            teams = teams == null ? List.of() : List.copyOf(teams);
        }

        public boolean secondFactorEnrolled() {
            return "enrolled".equals(secondFactor);
        }

        /** Invited and not yet arrived: no password, and no identity provider signs them in. */
        public boolean invitationPending() {
            return !hasPassword && identityProvider == null && invitationExpiresAt != null;
        }
    }

    /** {@code GET /api/me/tokens}: a personal API token, never its secret. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Token(String id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt) {
    }

    /** {@code POST /api/me/tokens}: the new token, the only time its value is told. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record NewToken(String id, String name, String token, Instant expiresAt) {
    }

    /** {@code POST /api/me/second-factor}: what the authenticator app needs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Enrolment(String otpauthUri, String qrCode, String secret) {
    }

    /** {@code POST /api/me/second-factor:confirm}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RecoveryCodes(List<String> recoveryCodes) {
    }

    /** A one-time link to choose a password: {@code path} is {@code /invitation/<token>}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invitation(String token, String path, Instant expiresAt) {
    }

    /** {@code POST /api/accounts}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Invited(Person account, Invitation invitation) {
    }

    /** {@code GET /api/invitations/{token}}: who the link is for. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InvitationDetails(String email, String displayName, Instant expiresAt) {
    }

    /** {@code GET /api/accounts/{id}/revisions}: one change, oldest first. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revision(long revision, Instant updatedAt, String updatedBy, String updatedByName, List<String> changed,
            boolean deleted) {

        public Revision {
            changed = changed == null ? List.of() : List.copyOf(changed);
        }

        public String by() {
            return updatedByName != null ? updatedByName : updatedBy;
        }
    }

    /** A problem document (RFC 9457) as the API writes it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Problem(int status, String title, String detail, List<FieldProblem> errors) {

        public Problem {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FieldProblem(String field, String problem) {
    }
}
