package org.reportplatform.platform.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;

/**
 * Who is asking: a person (their account), as the gateway signed them in, with the rights their
 * account has at this request.
 *
 * @param accountId   the account's id: what events record as the actor
 * @param displayName the person's name, for histories ("Amina Diallo")
 * @param roles       what the person may do
 * @param teams       the programme teams the person belongs to (a team owns chapters and figures)
 * @param token       the name of the personal (or demo) API token the request came with; null for
 *                    a signed-in browser session. A token may not manage tokens or accounts.
 */
public record Caller(String accountId, String displayName, Set<Role> roles, Set<String> teams, String token) {

    public Caller {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        teams = Set.copyOf(teams);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    public boolean hasAny(Collection<Role> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    /** Admins edit everything; a member edits what one of their teams owns. */
    public boolean mayEdit(String ownerTeam) {
        return isAdmin() || (ownerTeam != null && teams.contains(ownerTeam));
    }

    /** True when the request came with an API token rather than a signed-in session. */
    public boolean viaToken() {
        return token != null;
    }
}
