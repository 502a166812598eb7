package org.reportplatform.content.accounts;

import java.time.Instant;

/**
 * A one-time link to set a password, shown once to the admin who made it (no mail server is
 * needed): only the SHA-256 of {@code token} is kept.
 *
 * @param path the sign-in side's page for it: {@code /invitation/<token>}
 */
public record InvitationLink(String token, String path, Instant expiresAt) {

    static InvitationLink of(String token, Instant expiresAt) {
        return new InvitationLink(token, "/invitation/" + token, expiresAt);
    }
}
