package org.reportplatform.systemtests;

import java.util.List;
import java.util.Map;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * A real OpenID Connect provider for the tests: Spring Authorization Server, in the test's JVM on
 * a servlet server of its own, with one client (the gateway) and people who sign in on its own
 * form. Its ID tokens carry {@code email}, {@code name} and {@code groups}, as an organisation's
 * provider (Keycloak, Entra ID, Google Workspace...) can be configured to.
 */
final class OidcProvider implements AutoCloseable {

    static final String CLIENT_ID = "report-gateway";
    static final String CLIENT_SECRET = "provider-test-secret";

    /** A person of the organisation's directory. */
    record Person(String username, String password, String email, String name, List<String> groups) {
    }

    private final ConfigurableApplicationContext context;
    private final int port;

    private OidcProvider(ConfigurableApplicationContext context, int port) {
        this.context = context;
        this.port = port;
    }

    /** Starts the provider on {@code port}, accepting the gateway's redirect URI {@code redirectUri}. */
    static OidcProvider start(int port, String redirectUri, List<Person> people) {
        String client = "spring.security.oauth2.authorizationserver.client.gateway.";
        ConfigurableApplicationContext context = new SpringApplicationBuilder(Provider.class)
                .web(WebApplicationType.SERVLET)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("people", new People(people)))
                .run("--server.port=" + port,
                        "--server.address=127.0.0.1",
                        "--spring.application.name=oidc-provider",
                        "--spring.main.banner-mode=off",
                        // The gateway module is on this class path (Spring Cloud Gateway): not part of this app.
                        "--spring.cloud.gateway.server.webflux.enabled=false",
                        "--spring.cloud.discovery.enabled=false",
                        "--management.endpoint.health.group.readiness.include=readinessState",
                        "--spring.security.oauth2.authorizationserver.issuer=http://localhost:" + port,
                        "--" + client + "registration.client-id=" + CLIENT_ID,
                        "--" + client + "registration.client-secret={noop}" + CLIENT_SECRET,
                        "--" + client + "registration.client-authentication-methods=client_secret_basic",
                        "--" + client + "registration.authorization-grant-types=authorization_code,refresh_token",
                        "--" + client + "registration.redirect-uris=" + redirectUri,
                        "--" + client + "registration.scopes=openid,profile,email",
                        "--" + client + "require-authorization-consent=false");
        return new OidcProvider(context, port);
    }

    String issuer() {
        return "http://localhost:" + port;
    }

    @Override
    public void close() {
        context.close();
    }

    record People(List<Person> all) {
        Person byUsername(String username) {
            return all.stream().filter(p -> p.username().equals(username)).findFirst().orElseThrow();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration(excludeName = {
            "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
            "org.reportplatform.platform.config.PlatformAutoConfiguration",
            "org.springframework.cloud.gateway.config.GatewayClassPathWarningAutoConfiguration"})
    static class Provider {

        @Bean
        UserDetailsService users(People people) {
            return new InMemoryUserDetailsManager(people.all().stream()
                    .map(p -> User.withUsername(p.username()).password("{noop}" + p.password()).roles("USER").build())
                    .toList());
        }

        /** The claims an organisation's provider sends: who the person is and their groups. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokenClaims(People people) {
            return context -> {
                if (OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    Person person = people.byUsername(context.getPrincipal().getName());
                    context.getClaims().claims(claims -> claims.putAll(Map.of(
                            "email", person.email(), "email_verified", true, "name", person.name(), "groups", person.groups())));
                }
            };
        }
    }
}
