package org.reportplatform.gateway.oidc;

import org.reportplatform.gateway.security.AccountsView;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.reportplatform.gateway.accounts.AccountsClient;

/**
 * Signing in with the organisation's identity provider, when {@code report.oidc.registration}
 * names a Spring Security client registration (README, "An organisation's identity provider").
 * The gateway's security chain adds Spring Security's OAuth 2.0 login when an {@link OidcSignIn}
 * exists.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "report.oidc", name = "registration")
@EnableConfigurationProperties(OidcProperties.class)
public class OidcConfiguration {

    /** Spring Security's OAuth 2.0 login takes the OIDC user service from the context, by its type. */
    @Bean
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(OidcProperties properties, AccountsClient accountsApi,
            AccountsView accounts) {
        return new ProvisioningOidcUserService(properties, accountsApi, accounts::awaitLatest);
    }

    @Bean
    OidcSignIn oidcSignIn(OidcProperties properties) {
        return new OidcSignIn(properties);
    }
}
