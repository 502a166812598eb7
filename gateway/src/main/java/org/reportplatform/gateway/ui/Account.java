package org.reportplatform.gateway.ui;

/**
 * Who the right of a page's header bar names: a caller signed in with a session (shown with the
 * sign-out form, which carries the session's CSRF token) or a caller sending a bearer token (its
 * name only: there is no session to end).
 *
 * @param name        the caller's name
 * @param signOutCsrf the session's CSRF token, for the sign-out form; null for a bearer caller
 */
public record Account(String name, String signOutCsrf) {

    public static Account signedIn(String name, String csrfToken) {
        return new Account(name, csrfToken);
    }

    public static Account bearer(String name) {
        return new Account(name, null);
    }
}
