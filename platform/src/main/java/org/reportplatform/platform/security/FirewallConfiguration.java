package org.reportplatform.platform.security;

import java.util.List;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's request firewall, in every service: a request it rejects (a path that is not
 * normalised, a forbidden character) gets the platform's problem JSON, not an empty 400. An
 * encoded slash passes it, because the API's own validation names the field it is in
 * ({@code slug}), which says more than the firewall can; a path with {@code ..} in it is refused
 * here, naming {@code path}.
 */
@Configuration(proxyBeanMethods = false)
public class FirewallConfiguration {

    @Bean
    ServerWebExchangeFirewall requestFirewall() {
        StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
        firewall.setAllowUrlEncodedSlash(true);
        return firewall;
    }

    @Bean
    ServerExchangeRejectedHandler requestRejected() {
        return (exchange, rejected) -> ProblemEntryPoint.write(exchange, HttpStatus.BAD_REQUEST,
                "the request was refused: " + rejected.getMessage(),
                List.of(new ApiException.FieldProblem("path", "is not a normalised path (no '..', '//' or encoded '.')")));
    }
}
