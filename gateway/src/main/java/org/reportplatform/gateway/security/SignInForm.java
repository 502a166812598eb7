package org.reportplatform.gateway.security;

/**
 * What the sign-in pages show (templates {@code signin.jte}, {@code signin-code.jte}).
 *
 * @param csrf      Spring Security's CSRF token, posted back as {@code _csrf}
 * @param next      the page to go on to after signing in, or null
 * @param error     why the last attempt was refused, or null
 * @param signedIn  the name of the person already signed in with this browser, or null
 * @param signedOut whether the person has just signed out
 * @param provider  the organisation's identity provider to sign in with, or null when none is configured
 */
public record SignInForm(String csrf, String next, String error, String signedIn, boolean signedOut, ProviderLink provider) {

    /** The button "Se connecter avec …": its label and where it starts the provider's sign-in. */
    public record ProviderLink(String label, String path) {
    }
}
