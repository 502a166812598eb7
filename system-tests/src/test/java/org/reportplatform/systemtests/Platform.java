package org.reportplatform.systemtests;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole platform as real processes, built by this Maven build: the four services, each
 * from its executable jar, against the given Kafka broker, on free ports.
 */
final class Platform implements AutoCloseable {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final String VERSION = System.getProperty("platform.version", "0.1.0-SNAPSHOT");

    private final Map<String, ServiceProcess> services = new HashMap<>();
    private final List<String> jvmOptions;

    private Platform(List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
    }

    /**
     * JVM options for tests: a quick start matters more than peak speed (C1 only).
     */
    static final List<String> TEST_JVM = List.of("-XX:+UseSerialGC", "-Xmx256m", "-XX:TieredStopAtLevel=1");

    /** run.sh's JVM options, for measurements: the services as they run for users. */
    static final List<String> RUN_SH_JVM = List.of("-Xmx192m", "-XX:MaxMetaspaceSize=160m", "-XX:+UseSerialGC", "-Xss512k",
            "-XX:ReservedCodeCacheSize=48m", "-Djdk.nio.maxCachedBufferSize=262144");

    /** run.sh's JVM options for render-service: a larger heap and the parallel collector (a PDF render's working set). */
    static final List<String> RUN_SH_RENDER_JVM = RUN_SH_JVM.stream()
            .map(option -> option.startsWith("-Xmx") ? "-Xmx384m" : option.equals("-XX:+UseSerialGC") ? "-XX:+UseParallelGC" : option)
            .toList();

    /** Starts every service, with the demo report loaded, and waits until each one is ready. */
    static Platform start(String bootstrapServers, boolean loadDemo) {
        return start(bootstrapServers, loadDemo, TEST_JVM);
    }

    /** Starts every service with the given JVM options, and waits until each one is ready. */
    static Platform start(String bootstrapServers, boolean loadDemo, List<String> jvmOptions) {
        return start(bootstrapServers, loadDemo, jvmOptions, Map.of(),
                ROOT.resolve("system-tests/target/service-logs/" + System.currentTimeMillis()));
    }

    /**
     * Starts every service with {@code extraEnvironment} added to each one's environment, logging
     * to {@code logs}, and waits until each one is ready.
     */
    static Platform start(String bootstrapServers, boolean loadDemo, List<String> jvmOptions,
            Map<String, String> extraEnvironment, Path logs) {
        Platform platform = new Platform(jvmOptions);
        int content = freePort();
        int figures = freePort();
        int render = freePort();
        int gateway = freePort();
        Map<String, String> common = new HashMap<>(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "SPRING_PROFILES_ACTIVE", "demo",
                "REPORT_DEMO_LOAD", Boolean.toString(loadDemo)));
        common.putAll(extraEnvironment);
        platform.add("content-service", content, logs, common, Map.of(), jvmOptions);
        platform.add("figures-service", figures, logs, common, Map.of(), jvmOptions);
        platform.add("render-service", render, logs, common, Map.of(), jvmOptions);
        platform.add("gateway", gateway, logs, common, Map.of(
                "REPORT_GATEWAY_CONTENT_URI", "http://localhost:" + content,
                "REPORT_GATEWAY_FIGURES_URI", "http://localhost:" + figures,
                "REPORT_GATEWAY_RENDER_URI", "http://localhost:" + render), jvmOptions);
        platform.services.values().forEach(ServiceProcess::start);
        try {
            // platform.ready-timeout-seconds: a loaded machine (the benchmarks on a shared one) may need longer
            await("every service ready").atMost(Duration.ofSeconds(Long.getLong("platform.ready-timeout-seconds", 120)))
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> platform.services.values().stream().allMatch(ServiceProcess::isReady));
        } catch (RuntimeException | Error e) {
            // the caller gets no platform to close: stop what was started rather than leave it running
            platform.close();
            throw e;
        }
        return platform;
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Every service, by name. */
    Map<String, ServiceProcess> services() {
        return Map.copyOf(services);
    }

    String gatewayUrl() {
        return services.get("gateway").url();
    }

    private void add(String name, int port, Path logs, Map<String, String> common, Map<String, String> extra,
            List<String> jvmOptions) {
        Path jar = ROOT.resolve(name + "/target/" + name + "-" + VERSION + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no executable jar at " + jar + ": run the build (./mvnw verify) from the root");
        }
        Map<String, String> environment = new HashMap<>(common);
        environment.putAll(extra);
        services.put(name, new ServiceProcess(name, port, jar, logs, environment,
                name.equals("render-service") && jvmOptions == RUN_SH_JVM ? RUN_SH_RENDER_JVM : jvmOptions));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        // The gateway first, the writers last: nothing is left half-way.
        List<String> order = new ArrayList<>(List.of("gateway", "render-service", "figures-service", "content-service"));
        order.forEach(name -> services.get(name).close());
    }
}
