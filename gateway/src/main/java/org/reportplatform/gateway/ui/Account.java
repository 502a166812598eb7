package org.reportplatform.gateway.ui;

import java.util.ArrayList;
import java.util.List;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.gateway.security.AccessRules;

/**
 * Who the right of a page's header bar names: a caller signed in with a session (shown with the
 * pages their roles open and the sign-out form, which carries the session's CSRF token) or a caller
 * sending a bearer token (its name only: there is no session to end).
 *
 * @param name        the caller's name
 * @param signOutCsrf the session's CSRF token, for the sign-out form; null for a bearer caller
 * @param pages       the reserved pages the person may open (by the security chain's own rules,
 *                    {@link AccessRules}), for the header's navigation
 */
public record Account(String name, String signOutCsrf, List<Page> pages) {

    /** A page of the header's navigation. */
    public record Page(String path, String label) {
    }

    public static Account signedIn(Caller caller, String csrfToken) {
        return new Account(caller.displayName(), csrfToken, pagesOf(caller));
    }

    public static Account bearer(Caller caller) {
        return new Account(caller.displayName(), null, List.of());
    }

    private static List<Page> pagesOf(Caller caller) {
        List<Page> pages = new ArrayList<>();
        pages.add(new Page("/studio", "Studio"));
        pages.add(new Page("/account", "Mon compte"));
        if (caller.hasAny(AccessRules.LIVE)) {
            pages.add(new Page("/live", "En direct"));
        }
        if (caller.hasAny(AccessRules.OPS)) {
            pages.add(new Page("/ops", "Exploitation"));
        }
        if (caller.hasAny(AccessRules.ADMIN)) {
            pages.add(new Page("/admin/accounts", "Comptes"));
        }
        return List.copyOf(pages);
    }
}
