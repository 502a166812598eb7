package org.reportplatform.gateway.oidc;

/**
 * The identity provider sign-in, as the security chain and the sign-in page need it: the
 * button's label and where it goes.
 */
public record OidcSignIn(OidcProperties properties) {

    /** Where the sign-in page's button goes: Spring Security's start of the authorization code flow. */
    public String startPath() {
        return "/oauth2/authorization/" + properties.registration();
    }

    public String label() {
        return "Se connecter avec " + properties.label();
    }
}
