package org.reportplatform.gateway.oidc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reportplatform.platform.security.Role;

class OidcAccountMappingTest {

    private final OidcAccountMapping mapping = new OidcAccountMapping(new OidcProperties("organisation", "ACAT", null, List.of(
            new OidcProperties.Mapping("programme-enfants", null, Set.of(), Set.of("enfants")),
            new OidcProperties.Mapping("communication", null, Set.of(Role.WEBTEAM), Set.of()),
            new OidcProperties.Mapping(null, "direction.ngo.example", Set.of(Role.REVIEWER), Set.of()))));

    @Test
    void aPersonGetsTheRolesAndTeamsOfEveryGroupTheyAreIn() {
        var mapped = mapping.map(" Amina@NGO.example ", "Amina Diallo", List.of("programme-enfants", "communication", "other"));

        assertThat(mapped).hasValueSatisfying(account -> {
            assertThat(account.email()).isEqualTo("amina@ngo.example");
            assertThat(account.displayName()).isEqualTo("Amina Diallo");
            assertThat(account.roles()).containsExactlyInAnyOrder(Role.MEMBER, Role.WEBTEAM);
            assertThat(account.teams()).containsExactly("enfants");
        });
    }

    @Test
    void anEmailDomainMapsWithoutGroups() {
        assertThat(mapping.map("jean@direction.ngo.example", null, null))
                .hasValueSatisfying(account -> {
                    assertThat(account.roles()).containsExactly(Role.REVIEWER);
                    assertThat(account.displayName()).isEqualTo("jean@direction.ngo.example");
                });
    }

    @Test
    void somebodyNoMappingMatchesMayNotSignIn() {
        assertThat(mapping.map("visitor@elsewhere.example", "Visitor", List.of("guests"))).isEmpty();
        assertThat(mapping.map(null, "No email", List.of("programme-enfants"))).isEmpty();
    }
}
