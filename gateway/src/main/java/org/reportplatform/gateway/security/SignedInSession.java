package org.reportplatform.gateway.security;

import org.reportplatform.schemas.SessionChanged;
import org.springframework.web.server.ServerWebExchange;

/**
 * The session a request came with (or the one just started for it), as an exchange attribute
 * set by {@link KafkaSessions}: which record it is, and whether the person still has a step to
 * take before they may do anything else.
 *
 * @param hash              SHA-256 (hex) of the cookie: the session's key on the topic
 * @param session           the session's record
 * @param enrolmentRequired an admin or operator without a confirmed second factor, outside the
 *                          demo profile: may only enrol ({@code /account/second-factor})
 */
public record SignedInSession(String hash, SessionChanged session, boolean enrolmentRequired) {

    static final String ATTRIBUTE = SignedInSession.class.getName();

    public boolean secondFactorPending() {
        return !session.getSecondFactorDone();
    }

    /** The session of this request, or null (none, or refused). */
    public static SignedInSession of(ServerWebExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE);
    }
}
