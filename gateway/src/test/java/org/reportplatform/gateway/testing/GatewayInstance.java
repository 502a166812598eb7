package org.reportplatform.gateway.testing;

import java.util.ArrayList;
import java.util.List;
import org.reportplatform.gateway.GatewayApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A whole gateway started in the test JVM as its own Spring application (its own context, web
 * server on a free port, consumer, view, live ids), for tests that need several of them, or
 * one that outlives its broker.
 */
public final class GatewayInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private GatewayInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts a gateway on the broker, with the demo tokens; returns once it is ready (caught up). */
    public static GatewayInstance start(String bootstrapServers, String... extraArguments) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--spring.main.banner-mode=off"));
        arguments.addAll(List.of(extraArguments));
        return new GatewayInstance(new SpringApplicationBuilder(GatewayApplication.class)
                .profiles("demo")
                .run(arguments.toArray(String[]::new)));
    }

    public String url() {
        return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
