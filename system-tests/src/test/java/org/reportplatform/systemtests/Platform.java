package org.reportplatform.systemtests;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.reportplatform.platform.testing.RunConfiguration;

/**
 * The whole platform as real processes, built by this Maven build: the four services, each
 * from its executable jar, against the given Kafka broker, on free ports.
 */
final class Platform implements AutoCloseable {

    private String bootstrapServers;

    private static final Path ROOT = RunConfiguration.root();
    private static final String VERSION = System.getProperty("platform.version", "0.1.0-SNAPSHOT");

    private final Map<String, ServiceProcess> services = new HashMap<>();
    /** Instances started besides the four by {@link #startReplica}, in order. */
    private final List<String> replicas = new ArrayList<>();

    /** JVM options per kind of service: render-service has its own (a PDF render's working set). */
    record JvmOptions(List<String> service, List<String> render) {

        /** For the services of this service name. */
        List<String> of(String name) {
            return name.equals("render-service") ? render : service;
        }

        /** The same options with {@code extra} added to each kind. */
        JvmOptions with(String extra) {
            return new JvmOptions(Stream.concat(service.stream(), Stream.of(extra)).toList(),
                    Stream.concat(render.stream(), Stream.of(extra)).toList());
        }

        /** The same options with another heap ceiling ({@code -Xmx}) for every service. */
        JvmOptions withHeap(String heap) {
            UnaryOperator<List<String>> replace = options -> options.stream()
                    .map(option -> option.startsWith("-Xmx") ? "-Xmx" + heap : option).toList();
            return new JvmOptions(replace.apply(service), replace.apply(render));
        }
    }

    /** run.sh's JVM options (deploy/jvm-options.env), for measurements: the services as they run for users. */
    static final JvmOptions RUN_SH_JVM = new JvmOptions(RunConfiguration.jvmOptions(RunConfiguration.Role.SERVICE),
            RunConfiguration.jvmOptions(RunConfiguration.Role.RENDER));

    /** JVM options for tests: run.sh's, with a quick start mattering more than peak speed (C1 only). */
    static final JvmOptions TEST_JVM = RUN_SH_JVM.with("-XX:TieredStopAtLevel=1");

    /** Starts every service, with the demo report loaded, and waits until each one is ready. */
    static Platform start(String bootstrapServers, boolean loadDemo) {
        return start(bootstrapServers, loadDemo, TEST_JVM);
    }

    /** Starts every service with the given JVM options, and waits until each one is ready. */
    static Platform start(String bootstrapServers, boolean loadDemo, JvmOptions jvmOptions) {
        return start(bootstrapServers, loadDemo, jvmOptions, Map.of(),
                ROOT.resolve("system-tests/target/service-logs/" + System.currentTimeMillis()));
    }

    /**
     * Starts every service with {@code extraEnvironment} added to each one's environment, logging
     * to {@code logs}, and returns once each one is ready. As run.sh, in order: the writers, then
     * render-service, then the gateway, each once the previous ones are ready, so that a ready
     * platform serves every page and document of the log as it stood (the demo report included).
     */
    static Platform start(String bootstrapServers, boolean loadDemo, JvmOptions jvmOptions,
            Map<String, String> extraEnvironment, Path logs) {
        return start(bootstrapServers, loadDemo, jvmOptions, extraEnvironment, logs, Ports.free());
    }

    /** The same, with the gateway on {@code gateway} (a port chosen beforehand, e.g. for an identity provider's redirect URI). */
    static Platform start(String bootstrapServers, boolean loadDemo, JvmOptions jvmOptions,
            Map<String, String> extraEnvironment, Path logs, int gateway) {
        return start(bootstrapServers, loadDemo, jvmOptions, extraEnvironment, logs, gateway, false);
    }

    /**
     * The platform without the demo, with a second content-service, {@code content-service-standby},
     * started once the first one is the active writer (so it is the standby); the gateway lists both.
     */
    static Platform startWithStandbyWriter(String bootstrapServers, Path logs) {
        return start(bootstrapServers, false, TEST_JVM, Map.of(), logs, Ports.free(), true);
    }

    private static Platform start(String bootstrapServers, boolean loadDemo, JvmOptions jvmOptions,
            Map<String, String> extraEnvironment, Path logs, int gateway, boolean standbyContent) {
        Platform platform = new Platform();
        platform.bootstrapServers = bootstrapServers;
        int content = Ports.free();
        int figures = Ports.free();
        int render = Ports.free();
        Map<String, String> common = new HashMap<>(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "SPRING_PROFILES_ACTIVE", "demo",
                "REPORT_DEMO_LOAD", Boolean.toString(loadDemo)));
        common.putAll(extraEnvironment);
        platform.add("content-service", content, logs, common, Map.of(), jvmOptions);
        String contentUris = "http://localhost:" + content;
        List<List<String>> groups = new ArrayList<>(List.of(List.of("content-service", "figures-service"), List.of("render-service"),
                List.of("gateway")));
        if (standbyContent) {
            int standby = Ports.free();
            platform.add("content-service-standby", "content-service", standby, logs, common, Map.of(), jvmOptions);
            contentUris += ",http://localhost:" + standby;
            groups.add(1, List.of("content-service-standby"));
        }
        platform.add("figures-service", figures, logs, common, Map.of(), jvmOptions);
        platform.add("render-service", render, logs, common, Map.of(), jvmOptions);
        platform.add("gateway", gateway, logs, common, Map.of(
                "REPORT_GATEWAY_CONTENT_URI", contentUris,
                "REPORT_GATEWAY_FIGURES_URI", "http://localhost:" + figures,
                "REPORT_GATEWAY_RENDER_URI", "http://localhost:" + render), jvmOptions);
        // The three steps share one deadline, platform.ready-timeout-seconds: 300 s, as one service
        // start took over a minute on a machine whose 2 cores ran a dozen other builds.
        long deadline = System.nanoTime() + Duration.ofSeconds(Long.getLong("platform.ready-timeout-seconds", 300)).toNanos();
        try {
            for (List<String> group : groups) {
                group.forEach(name -> platform.services.get(name).start());
                await(group + " ready").atMost(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))
                        .pollInterval(Duration.ofMillis(250))
                        .until(() -> group.stream().map(platform.services::get).allMatch(ServiceProcess::isReady));
            }
        } catch (RuntimeException | Error e) {
            // the caller gets no platform to close: stop what was started rather than leave it running
            platform.close();
            throw e;
        }
        return platform;
    }

    /**
     * Starts another instance of the service {@code name} as {@code replicaName} (same jar,
     * environment and options, a free port) and returns once it is ready. It is stopped with the
     * platform, before the others.
     */
    ServiceProcess startReplica(String name, String replicaName, Duration timeout) {
        if (services.containsKey(replicaName)) {
            throw new IllegalArgumentException(replicaName + " is already a service of this platform");
        }
        ServiceProcess replica = services.get(name).replica(replicaName, Ports.free());
        replicas.add(replicaName);
        services.put(replicaName, replica);
        replica.restart(timeout);
        return replica;
    }

    ServiceProcess service(String name) {
        return services.get(name);
    }

    /** Every service, by name. */
    Map<String, ServiceProcess> services() {
        return Map.copyOf(services);
    }

    /** The broker the services use (to read the topics as {@link TopicLog} does). */
    String bootstrapServers() {
        return bootstrapServers;
    }

    String gatewayUrl() {
        return services.get("gateway").url();
    }

    private void add(String name, int port, Path logs, Map<String, String> common, Map<String, String> extra,
            JvmOptions jvmOptions) {
        add(name, name, port, logs, common, extra, jvmOptions);
    }

    /** A process named {@code name} running {@code module}'s jar (a second instance of a service has a name of its own). */
    private void add(String name, String module, int port, Path logs, Map<String, String> common, Map<String, String> extra,
            JvmOptions jvmOptions) {
        Path jar = ROOT.resolve(module + "/target/" + module + "-" + VERSION + "-exec.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no executable jar at " + jar + ": run the build (./mvnw verify) from the root");
        }
        Map<String, String> environment = new HashMap<>(common);
        environment.putAll(extra);
        services.put(name, new ServiceProcess(name, port, jar, logs, environment, jvmOptions.of(module)));
    }


    @Override
    public void close() {
        // The gateway first, the writers last: nothing is left half-way.
        List<String> order = new ArrayList<>(replicas);
        java.util.Collections.reverse(order);
        order.addAll(List.of("gateway", "render-service", "figures-service", "content-service"));
        services.keySet().stream().filter(name -> !order.contains(name)).forEach(order::add);
        order.forEach(name -> services.get(name).close());
    }
}
