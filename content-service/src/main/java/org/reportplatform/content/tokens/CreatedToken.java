package org.reportplatform.content.tokens;

import java.time.Instant;

/** A new personal token, shown this once: {@code rpt_<id>_<secret>}; only its SHA-256 is kept. */
public record CreatedToken(String id, String name, String token, Instant expiresAt) {
}
