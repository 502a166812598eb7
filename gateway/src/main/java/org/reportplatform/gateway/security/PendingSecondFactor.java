package org.reportplatform.gateway.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A person who gave the right password but not yet the code of their second factor: not a
 * {@link org.reportplatform.platform.security.CallerAuthentication}, so no page, no API call and
 * no assertion; only {@code /signin/code} (and signing out) is allowed.
 */
public final class PendingSecondFactor extends AbstractAuthenticationToken {

    public static final String AUTHORITY = "SECOND_FACTOR_PENDING";

    private final String accountId;

    public PendingSecondFactor(String accountId) {
        super(List.of(new SimpleGrantedAuthority(AUTHORITY)));
        this.accountId = accountId;
        setAuthenticated(true);
    }

    public String accountId() {
        return accountId;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return accountId;
    }

    @Override
    public String getName() {
        return accountId;
    }
}
