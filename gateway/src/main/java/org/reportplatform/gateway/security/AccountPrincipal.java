package org.reportplatform.gateway.security;

/**
 * A signed-in principal that names its account: form login's {@link AccountsView.AccountUser},
 * or a person signed in by the organisation's identity provider. {@link KafkaSessions} starts
 * the session of that account.
 */
public interface AccountPrincipal {

    String accountId();

    /** Whether the way the person signed in already includes a second factor (the provider's own). */
    default boolean secondFactorByProvider() {
        return false;
    }
}
