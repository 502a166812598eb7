package org.reportplatform.gateway.oidc;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.reportplatform.platform.security.Role;

/**
 * What a person signed in by the identity provider may do here: the roles and teams of every
 * mapping of {@link OidcProperties} their groups or email domain match. Applied at each sign-in,
 * so a change of groups at the provider takes effect the next time the person signs in.
 */
public final class OidcAccountMapping {

    /** The account a provider's person maps to. */
    public record Mapped(String email, String displayName, Set<Role> roles, Set<String> teams) {
    }

    private final OidcProperties properties;

    public OidcAccountMapping(OidcProperties properties) {
        this.properties = properties;
    }

    /** The account of a person, or empty when no mapping matches them (they may not sign in). */
    public Optional<Mapped> map(String email, String name, List<String> groups) {
        if (email == null || !email.contains("@")) {
            return Optional.empty();
        }
        String normalised = email.strip().toLowerCase(Locale.ROOT);
        String domain = normalised.substring(normalised.indexOf('@') + 1);
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Set<String> teams = new TreeSet<>();
        boolean matched = false;
        for (OidcProperties.Mapping mapping : properties.mappings()) {
            boolean groupMatches = mapping.group() == null || (groups != null && groups.contains(mapping.group()));
            boolean domainMatches = mapping.emailDomain() == null || mapping.emailDomain().equalsIgnoreCase(domain);
            if (groupMatches && domainMatches && (mapping.group() != null || mapping.emailDomain() != null)) {
                matched = true;
                roles.addAll(mapping.roles());
                teams.addAll(mapping.teams());
            }
        }
        if (!matched) {
            return Optional.empty();
        }
        if (!teams.isEmpty()) {
            roles.add(Role.MEMBER);
        }
        String displayName = name == null || name.isBlank() ? normalised : name.strip();
        return Optional.of(new Mapped(normalised, displayName, roles, teams));
    }
}
