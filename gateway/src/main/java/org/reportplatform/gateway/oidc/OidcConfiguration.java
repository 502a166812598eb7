package org.reportplatform.gateway.oidc;

import org.reportplatform.gateway.ReportGatewayProperties;
import org.reportplatform.gateway.security.AccountsView;
import org.reportplatform.platform.security.CallerAssertions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.reactive.function.client.WebClient;

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
    ReactiveOAuth2UserService<OidcUserRequest, OidcUser> oidcUserService(OidcProperties properties, CallerAssertions assertions,
            ReportGatewayProperties gateway, AccountsView accounts) {
        WebClient content = WebClient.builder().baseUrl(gateway.contentUri().toString()).build();
        return new ProvisioningOidcUserService(properties, assertions, content, accounts::awaitLatest);
    }

    @Bean
    OidcSignIn oidcSignIn(OidcProperties properties) {
        return new OidcSignIn(properties);
    }
}
