package org.reportplatform.gateway.oidc;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.reportplatform.gateway.accounts.AccountsClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import reactor.core.publisher.Mono;

/**
 * Signs in a person of the identity provider: Spring Security's OIDC user service checks the ID
 * token; then the person's groups or email domain give their roles and teams
 * ({@link OidcAccountMapping}), content-service creates or updates their account (the accounts
 * API, as the gateway's own system caller), and the gateway waits until its accounts view has
 * that revision, so the session that follows finds it. Nobody a mapping does not match may sign
 * in; neither may someone whose email already belongs to a password account (an admin links
 * such accounts by removing one).
 */
final class ProvisioningOidcUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Logger log = LoggerFactory.getLogger(ProvisioningOidcUserService.class);
    /** Who provisions accounts: the gateway on behalf of the provider (recorded on the account's events). */
    private static final Caller PROVISIONER = new Caller("system:identity-provider", "Fournisseur d’identité",
            java.util.Set.of(Role.ADMIN), java.util.Set.of(), null);

    private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
    private final OidcProperties properties;
    private final OidcAccountMapping mapping;
    private final AccountsClient accountsApi;
    private final AccountRevisions accounts;

    /** Waits until the gateway's view of the accounts has read what content-service just wrote. */
    interface AccountRevisions {
        Mono<Boolean> awaitLatest(Duration timeout);
    }

    ProvisioningOidcUserService(OidcProperties properties, AccountsClient accountsApi, AccountRevisions accounts) {
        this.properties = properties;
        this.mapping = new OidcAccountMapping(properties);
        this.accountsApi = accountsApi;
        this.accounts = accounts;
    }

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        return delegate.loadUser(request).flatMap(user -> {
            List<String> groups = user.getClaimAsStringList(properties.groupsClaim());
            var mapped = mapping.map(user.getEmail(), user.getFullName(), groups);
            if (mapped.isEmpty()) {
                log.info("identity provider sign-in refused for {}: no mapping matches its groups or email domain", user.getSubject());
                return Mono.error(refusal("not_mapped", "no mapping of report.oidc gives this person a role or a team"));
            }
            var account = mapped.get();
            Map<String, Object> body = Map.of("identityProvider", request.getClientRegistration().getRegistrationId(),
                    "email", account.email(), "displayName", account.displayName(),
                    "roles", account.roles().stream().map(Role::id).sorted().toList(),
                    "teams", account.teams().stream().sorted().toList());
            return accountsApi.provisionExternal(PROVISIONER, body)
                    .onErrorMap(BackendRefusal.class, refused -> refused.status() < 500
                            ? refusal("account_conflict", refused.status() + " " + refused.detail()) : refused)
                    .flatMap(accountId -> accounts.awaitLatest(Duration.ofSeconds(5))
                            .thenReturn((OidcUser) new ProvidedPerson(accountId, user)));
        });
    }

    private static OAuth2AuthenticationException refusal(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null), description);
    }
}
