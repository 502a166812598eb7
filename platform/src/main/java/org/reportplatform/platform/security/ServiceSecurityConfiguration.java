package org.reportplatform.platform.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.ReactiveAuthenticationManagerResolver;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * How a service (content, figures, render) knows who is asking: Spring Security's resource
 * server, with a bearer token that is either the gateway's signed assertion
 * ({@link CallerAssertions}) or, in the demo profile, a demo token. Nothing is kept between
 * requests (no session, no cookie, so no CSRF to check); what a caller may do is decided by the
 * controllers, per resource (a team edits what it owns), with the {@link Caller} they are given.
 *
 * <p>The gateway, which signs people in, has its own chain and does not use this one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnMissingBean(name = "gatewaySecurity")
public class ServiceSecurityConfiguration {

    @Bean
    ReactiveAuthenticationManagerResolver<ServerWebExchange> callerAuthentication(CallerAssertions assertions, DemoTokens demoTokens) {
        JwtReactiveAuthenticationManager jwt = new JwtReactiveAuthenticationManager(assertions.decoder());
        jwt.setJwtAuthenticationConverter(checked -> Mono.just(new CallerAuthentication(CallerAssertions.callerOf(checked))));
        ReactiveAuthenticationManager demo = authentication -> Mono.justOrEmpty(
                        demoTokens.find(((BearerTokenAuthenticationToken) authentication).getToken()))
                .<org.springframework.security.core.Authentication>map(token -> new CallerAuthentication(token.caller()))
                .switchIfEmpty(Mono.error(() -> new BadCredentialsException("unknown token")));
        // A JWT has two dots; a demo token has none.
        return exchange -> Mono.just(authentication -> {
            String token = ((BearerTokenAuthenticationToken) authentication).getToken();
            return token.chars().filter(c -> c == '.').count() == 2 ? jwt.authenticate(authentication) : demo.authenticate(authentication);
        });
    }

    @Bean
    SecurityWebFilterChain serviceSecurity(ServerHttpSecurity http,
            ReactiveAuthenticationManagerResolver<ServerWebExchange> callerAuthentication) {
        ProblemEntryPoint problems = new ProblemEntryPoint();
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.disable())
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                // The writers set their own Cache-Control (ETags, no-store); the gateway is the edge.
                .headers(headers -> headers.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
                .authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
                .oauth2ResourceServer(resource -> resource
                        .authenticationManagerResolver(callerAuthentication)
                        .authenticationEntryPoint(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems))
                .build();
    }
}
