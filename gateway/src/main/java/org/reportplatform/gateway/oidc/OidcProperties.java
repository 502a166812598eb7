package org.reportplatform.gateway.oidc;

import java.util.List;
import java.util.Set;
import org.reportplatform.platform.security.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Signing in with the organisation's own identity provider (OpenID Connect), {@code report.oidc}.
 * The provider itself is a Spring Security client registration
 * ({@code spring.security.oauth2.client.registration.<registration>} and {@code .provider.<registration>});
 * this says which one, how the sign-in page names it, and how the people it signs in get their
 * roles and teams: by the groups in their ID token, or by their email's domain.
 *
 * @param registration the client registration's id; sign-in with a provider is off when empty
 * @param label        the button on the sign-in page: "Se connecter avec {label}"
 * @param groupsClaim  the ID token's claim that lists the person's groups
 * @param mappings     each grants roles and teams to the people it matches; a person gets the
 *                     union of every mapping they match; nobody matched may not sign in
 */
@ConfigurationProperties("report.oidc")
public record OidcProperties(String registration, String label, String groupsClaim, List<Mapping> mappings) {

    public OidcProperties {
        label = label == null || label.isBlank() ? "le compte de l’organisation" : label;
        groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? "groups" : groupsClaim;
        mappings = mappings == null ? List.of() : List.copyOf(mappings);
    }

    public boolean enabled() {
        return registration != null && !registration.isBlank();
    }

    /**
     * @param group       a group name of the ID token's groups claim, or null
     * @param emailDomain an email domain ({@code ngo.example}), or null; both set = both must match
     * @param roles       the roles it grants
     * @param teams       the teams it grants
     */
    public record Mapping(String group, String emailDomain, Set<Role> roles, Set<String> teams) {
        public Mapping {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
            teams = teams == null ? Set.of() : Set.copyOf(teams);
        }
    }
}
