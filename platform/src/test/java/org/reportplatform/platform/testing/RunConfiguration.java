package org.reportplatform.platform.testing;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run configuration kept once under the repository's {@code deploy/}, as {@code ./run.sh} and
 * {@code docker-compose.yml} read it: the JVM options of each role ({@code jvm-options.env}) and the
 * settings every broker shares ({@code kafka-broker.properties}). Tests and benchmarks read the
 * same files, so they run what users run.
 *
 * <p>The repository is {@code platform.root} when set, otherwise the nearest folder above the
 * working directory that has {@code deploy/} (a module's tests run in the module's folder).
 */
public final class RunConfiguration {

    /** The JVM options' roles: one variable {@code <ROLE>_JVM_OPTS} each in {@code jvm-options.env}. */
    public enum Role {
        /** Apache Kafka's broker. */
        BROKER,
        /** content-service, figures-service, the gateway. */
        SERVICE,
        /** render-service: a PDF render's working set. */
        RENDER
    }

    private static final String JVM_OPTIONS = "deploy/jvm-options.env";
    private static final String BROKER_SETTINGS = "deploy/kafka-broker.properties";
    private static final String CLUSTER_SETTINGS = "deploy/kafka-cluster.properties";
    private static final Pattern ASSIGNMENT = Pattern.compile("([A-Z_]+)=\"([^\"]*)\"");

    private RunConfiguration() {
    }

    /** The repository's root folder. */
    public static Path root() {
        String configured = System.getProperty("platform.root");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path folder = Path.of("").toAbsolutePath(); folder != null; folder = folder.getParent()) {
            if (Files.isRegularFile(folder.resolve(JVM_OPTIONS))) {
                return folder;
            }
        }
        throw new IllegalStateException("no " + JVM_OPTIONS + " above " + Path.of("").toAbsolutePath()
                + ": run from the repository, or set -Dplatform.root");
    }

    /** The JVM options of one role, as run.sh passes them. */
    public static List<String> jvmOptions(Role role) {
        Path file = root().resolve(JVM_OPTIONS);
        String variable = role.name() + "_JVM_OPTS";
        try {
            for (String line : Files.readAllLines(file)) {
                Matcher assignment = ASSIGNMENT.matcher(line.strip());
                if (assignment.matches() && assignment.group(1).equals(variable)) {
                    return Arrays.stream(assignment.group(2).trim().split("\\s+")).toList();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException(file + " has no " + variable + "=\"...\"");
    }

    /** The settings every broker of the project shares, by name. */
    public static Map<String, String> brokerSettings() {
        return settings(brokerSettingsFile());
    }

    /** {@code deploy/kafka-broker.properties}. */
    public static Path brokerSettingsFile() {
        return root().resolve(BROKER_SETTINGS);
    }

    /** The settings of a three-node cluster, by name: they replace some of {@link #brokerSettings()}. */
    public static Map<String, String> clusterSettings() {
        return settings(clusterSettingsFile());
    }

    /** {@code deploy/kafka-cluster.properties}. */
    public static Path clusterSettingsFile() {
        return root().resolve(CLUSTER_SETTINGS);
    }

    private static Map<String, String> settings(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new TreeMap<>();
        properties.stringPropertyNames().forEach(name -> settings.put(name, properties.getProperty(name)));
        return settings;
    }
}
