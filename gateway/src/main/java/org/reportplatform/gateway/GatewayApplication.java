package org.reportplatform.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The only public entry point: serves the current report from the rendered topics
 * ({@code site}), streams every rebuild live ({@code live}), signs people in with Spring Security
 * ({@code security}: sessions in Kafka, personal tokens, second factor; pages in {@code ui}) and routes {@code /api/**} to the writers
 * ({@code routing}). See docs/gateway.md.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class GatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(GatewayApplication.class, args);
    }
}
