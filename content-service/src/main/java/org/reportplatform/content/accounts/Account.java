package org.reportplatform.content.accounts;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.schemas.AccountChanged;
import org.reportplatform.schemas.AccountState;

/**
 * An account as the API shows it: never a hash or a secret, only whether a password is set, where
 * the second factor stands and until when an open invitation runs.
 */
public record Account(
        String id,
        String email,
        String displayName,
        @Schema(example = "[\"member\"]") List<String> roles,
        @Schema(example = "[\"enfants\"]") List<String> teams,
        boolean disabled,
        boolean hasPassword,
        @Schema(allowableValues = {"none", "pending", "enrolled"}) String secondFactor,
        @Schema(description = "when the open invitation (or password reset) link expires; absent when there is none")
        Instant invitationExpiresAt,
        @Schema(description = "the OpenID Connect registration the person signs in with; absent for a password")
        String identityProvider,
        long revision,
        Instant updatedAt,
        String updatedBy,
        String updatedByName) implements AtRevision {

    static Account of(AccountChanged event) {
        AccountState state = event.getAccount();
        return new Account(event.getAccountId(), state.getEmail(), state.getDisplayName(),
                state.getRoles().stream().sorted().toList(), state.getTeams().stream().sorted().toList(),
                state.getDisabled(), state.getPasswordHash() != null, secondFactorOf(state),
                state.getInvitation() == null ? null : state.getInvitation().getExpiresAt(),
                state.getIdentityProvider(), event.getRevision(), event.getMetadata().getOccurredAt(),
                event.getMetadata().getActor(),
                RevisionSummary.nameOf(event.getMetadata().getActor(), event.getMetadata().getActorName()));
    }

    private static String secondFactorOf(AccountState state) {
        if (state.getSecondFactor() == null) {
            return "none";
        }
        return state.getSecondFactor().getConfirmed() ? "enrolled" : "pending";
    }
}
