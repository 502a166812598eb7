package org.reportplatform.platform.auth;

import java.util.Set;

/**
 * Who sent a request, resolved from its bearer token.
 *
 * @param name  the token's label (e.g. {@code demo-defenseurs}); safe to log, unlike the token
 * @param team  the programme team the caller belongs to, or null
 * @param roles what the caller may do
 */
public record Caller(String name, String team, Set<Role> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean isAdmin() {
        return roles.contains(Role.ADMIN);
    }

    /** Admins edit everything; a team edits what it owns. */
    public boolean mayEdit(String ownerTeam) {
        return isAdmin() || (team != null && team.equals(ownerTeam));
    }

    /** The actor recorded on events this caller causes. */
    public String actor() {
        return isAdmin() ? "admin:" + name : team != null ? team : name;
    }
}
