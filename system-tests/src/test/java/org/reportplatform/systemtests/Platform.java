package org.reportplatform.systemtests;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
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
        return start(bootstrapServers, loadDemo, jvmOptions, extraEnvironment, logs, gateway, Instances.ONE_EACH);
    }

    /**
     * How many processes of each service a platform runs. The first of a kind has the service's
     * name ({@code content-service}), the others a number ({@code content-service-2}). A second
     * content-service is a standby writer (started once the first is the active one); render
     * instances share the outputs (instance ids a, b...); gateways are replicas, each complete,
     * for a load balancer to stand in front of. figures-service runs once.
     */
    record Instances(int contentServices, int renderServices, int gateways) {

        static final Instances ONE_EACH = new Instances(1, 1, 1);

        /** Issue 19's deployment, as docker-compose runs it: a standby writer, two render instances, two gateways. */
        static final Instances SCALED_OUT = new Instances(2, 2, 2);

        Instances {
            if (contentServices < 1 || renderServices < 1 || gateways < 1) {
                throw new IllegalArgumentException("at least one instance of each service: " + this);
            }
        }

        /**
         * How long the processes get, together, to be ready: platform.ready-timeout-seconds (300 s,
         * as one service start took over a minute on a machine whose 2 cores ran a dozen other
         * builds), and 60 s more for each process beyond the four (the scaled-out platform took
         * 208 s in CI, beside the shared platforms still running).
         */
        Duration readyTimeout() {
            int extra = contentServices - 1 + renderServices - 1 + gateways - 1;
            return Duration.ofSeconds(Long.getLong("platform.ready-timeout-seconds", 300) + 60L * extra);
        }
    }

    /**
     * The platform without the demo, with {@code instances} of each service on free ports and
     * {@code extraEnvironment} added to each one's, logging to {@code logs}; returns once every
     * process is ready.
     */
    static Platform start(String bootstrapServers, Instances instances, Map<String, String> extraEnvironment, Path logs) {
        return start(bootstrapServers, false, TEST_JVM, extraEnvironment, logs, Ports.free(), instances);
    }

    /** The sharing instance id ({@code REPORT_RENDER_SHARING_INSTANCE_ID}) of the {@code n}th (from 1) render process: a, b... */
    static String renderInstanceId(int n) {
        return String.valueOf((char) ('a' + n - 1));
    }

    /** Which render process (from 1) has the sharing instance id {@code id}: the inverse of {@link #renderInstanceId}. */
    static int renderInstanceNumber(String id) {
        return id.charAt(0) - 'a' + 1;
    }

    /** The name of the {@code n}th (from 1) process of {@code service}. */
    static String instanceName(String service, int n) {
        return n == 1 ? service : service + "-" + n;
    }

    private static Platform start(String bootstrapServers, boolean loadDemo, JvmOptions jvmOptions,
            Map<String, String> extraEnvironment, Path logs, int gateway, Instances instances) {
        Platform platform = new Platform();
        platform.bootstrapServers = bootstrapServers;
        Map<String, String> common = new HashMap<>(Map.of(
                "SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers,
                "SPRING_PROFILES_ACTIVE", "demo",
                "REPORT_DEMO_LOAD", Boolean.toString(loadDemo)));
        common.putAll(extraEnvironment);
        List<List<String>> groups = new ArrayList<>();
        List<String> contentUris = platform.addInstances("content-service", instances.contentServices(), n -> Ports.free(), logs, common,
                n -> Map.of(), jvmOptions);
        List<String> figuresUris = platform.addInstances("figures-service", 1, n -> Ports.free(), logs, common, n -> Map.of(), jvmOptions);
        groups.add(List.of("content-service", "figures-service"));
        // Standbys once the first writer is active: which one writes is then known, not a race.
        for (int n = 2; n <= instances.contentServices(); n++) {
            groups.add(List.of(instanceName("content-service", n)));
        }
        List<String> renderUris = platform.addInstances("render-service", instances.renderServices(), n -> Ports.free(), logs, common,
                n -> instances.renderServices() == 1 ? Map.of()
                        : Map.of("REPORT_RENDER_SHARING_INSTANCE_ID", renderInstanceId(n)), jvmOptions);
        groups.add(names("render-service", instances.renderServices()));
        Map<String, String> routes = Map.of(
                "REPORT_GATEWAY_CONTENT_URI", String.join(",", contentUris),
                "REPORT_GATEWAY_FIGURES_URI", String.join(",", figuresUris),
                "REPORT_GATEWAY_RENDER_URI", String.join(",", renderUris));
        platform.addInstances("gateway", instances.gateways(), n -> n == 1 ? gateway : Ports.free(), logs, common, n -> routes,
                jvmOptions);
        groups.add(names("gateway", instances.gateways()));
        // The steps share one deadline.
        long deadline = System.nanoTime() + instances.readyTimeout().toNanos();
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

    private static List<String> names(String service, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(n -> instanceName(service, n)).toList();
    }

    /**
     * Adds {@code count} processes of {@code service}, the {@code n}th on {@code port.applyAsInt(n)}
     * with {@code own.apply(n)} added to its environment; returns their URLs.
     */
    private List<String> addInstances(String service, int count, IntUnaryOperator port, Path logs, Map<String, String> common,
            IntFunction<Map<String, String>> own, JvmOptions jvmOptions) {
        List<String> urls = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            int at = port.applyAsInt(n);
            add(instanceName(service, n), service, at, logs, common, own.apply(n), jvmOptions);
            urls.add("http://localhost:" + at);
        }
        return urls;
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
        // The gateways first, the writers last (their standbys before them: no take-over on the way out): nothing is left half-way.
        List<String> kinds = List.of("gateway", "render-service", "figures-service", "content-service");
        services.keySet().stream()
                .sorted(Comparator.comparingInt((String name) -> kinds.indexOf(kinds.stream().filter(name::startsWith).findFirst().orElseThrow()))
                        .thenComparing(Comparator.reverseOrder()))
                .forEach(name -> services.get(name).close());
    }
}
