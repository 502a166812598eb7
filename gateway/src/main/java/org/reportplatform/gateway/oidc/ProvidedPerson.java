package org.reportplatform.gateway.oidc;

import java.util.List;
import org.reportplatform.gateway.security.AccountPrincipal;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** A person the identity provider signed in, with the account of theirs here. */
final class ProvidedPerson extends DefaultOidcUser implements AccountPrincipal {

    private final String accountId;

    ProvidedPerson(String accountId, OidcUser user) {
        super(List.of(new SimpleGrantedAuthority("OIDC_USER")), user.getIdToken(), user.getUserInfo());
        this.accountId = accountId;
    }

    @Override
    public String accountId() {
        return accountId;
    }

    @Override
    public boolean secondFactorByProvider() {
        return true;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ProvidedPerson person && person.accountId.equals(accountId);
    }

    @Override
    public int hashCode() {
        return accountId.hashCode();
    }
}
