package org.reportplatform.content.tokens;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.schemas.PersonalTokenChanged;
import org.reportplatform.schemas.PersonalTokenState;

/** A personal API token as its owner sees it listed: never the token, never its hash. */
public record PersonalToken(
        String id,
        String name,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        @JsonIgnore String accountId,
        @JsonIgnore long revision) implements AtRevision {

    static PersonalToken of(PersonalTokenChanged event) {
        PersonalTokenState state = event.getToken();
        return new PersonalToken(event.getTokenId(), state.getName(), state.getCreatedAt(), state.getExpiresAt(),
                state.getRevokedAt(), state.getAccountId(), event.getRevision());
    }
}
