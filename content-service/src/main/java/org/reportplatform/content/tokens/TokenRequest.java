package org.reportplatform.content.tokens;

/** {@code POST /api/me/tokens}: a name to recognise it by, and its lifetime in days (1 to 365, default 90). */
public record TokenRequest(String name, Integer expiresInDays) {
}
