package org.reportplatform.gateway.backend;

import org.reportplatform.gateway.ReportGatewayProperties;
import org.reportplatform.gateway.routing.Upstreams;
import org.reportplatform.platform.security.CallerAssertions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
public class BackendConfiguration {

    @Bean
    Backends backends(ObjectProvider<WebClient.Builder> web, ReportGatewayProperties gateway, Upstreams upstreams,
            CallerAssertions assertions) {
        // Boot's builder (its codecs, its observation) when there is one.
        WebClient.Builder builder = web.getIfAvailable(WebClient::builder);
        return new Backends(
                new BackendClient(builder, upstreams.content(), assertions, gateway.requestTimeout()),
                new BackendClient(builder, upstreams.figures(), assertions, gateway.requestTimeout()),
                new BackendClient(builder, upstreams.render(), assertions, gateway.requestTimeout()));
    }
}
