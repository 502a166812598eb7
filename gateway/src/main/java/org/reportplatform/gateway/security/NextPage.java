package org.reportplatform.gateway.security;

import java.util.regex.Pattern;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;

/**
 * Where a sign-in goes on to: the page asked for ({@code next}) if it is one of the gateway's own
 * pages (anything else would make the form an open redirect), otherwise the live view for the
 * web team, operators and admins, the account page for everyone else.
 */
final class NextPage {

    private static final Pattern PAGES = Pattern.compile("/(live|ops|admin|account|studio|preview)(/[A-Za-z0-9._~/-]*)?");

    private NextPage() {
    }

    /** {@code next} if it is a page of the gateway's, else null. */
    static String safe(String next) {
        return next != null && next.length() <= 200 && PAGES.matcher(next).matches() && !next.contains("//") ? next : null;
    }

    static String after(String next, Caller caller) {
        String safe = safe(next);
        if (safe != null) {
            return safe;
        }
        return caller.hasAny(java.util.Set.of(Role.WEBTEAM, Role.OPERATOR, Role.ADMIN)) ? "/live" : "/account";
    }
}
