package org.reportplatform.gateway.signin;

/**
 * What the sign-in page shows (template {@code signin.jte}).
 *
 * @param csrf      the session's CSRF token, posted back with the form
 * @param next      the page to go on to after signing in, or null
 * @param error     why the last attempt was refused, or null
 * @param signedIn  the name of the caller already signed in with this session, or null
 * @param signedOut whether the caller has just signed out
 */
public record SignInForm(String csrf, String next, String error, String signedIn, boolean signedOut) {
}
