package org.reportplatform.gateway.backend;

import org.reportplatform.gateway.ReportGatewayProperties;
import org.reportplatform.platform.security.CallerAssertions;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

@Configuration(proxyBeanMethods = false)
public class BackendConfiguration {

    @Bean
    Backends backends(ObjectProvider<WebClient.Builder> web, ReportGatewayProperties gateway, CallerAssertions assertions) {
        // Boot's builder (its codecs, its observation) when there is one.
        WebClient.Builder builder = web.getIfAvailable(WebClient::builder);
        return new Backends(
                new BackendClient(builder, gateway.contentUri(), assertions, gateway.requestTimeout()),
                new BackendClient(builder, gateway.figuresUri(), assertions, gateway.requestTimeout()),
                new BackendClient(builder, gateway.renderUri(), assertions, gateway.requestTimeout()));
    }
}
