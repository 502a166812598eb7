package org.reportplatform.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One service of the platform, run from its executable jar as its own operating-system process. */
final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private final Map<String, String> environment;
    private Process process;

    ServiceProcess(String name, int port, Path jar, Path logDirectory, Map<String, String> environment, List<String> jvmOptions) {
        this.name = name;
        this.port = port;
        this.log = logDirectory.resolve(name + ".log");
        this.environment = environment;
        String java = ProcessHandle.current().info().command().orElse("java");
        this.command = new ArrayList<>();
        command.add(java);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
    }

    void start() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
    }

    boolean isReady() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(name + " is not running (exit " + (process == null ? "?" : process.exitValue())
                    + "); see " + log);
        }
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** SIGKILL: the process gets no chance to clean up, as in a crash. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM: the service shuts down gracefully, as on an operator's restart. */
    void stop() {
        close();
    }

    /** Starts the process again (same port, environment and log file) and waits until it is ready. */
    void restart(Duration timeout) {
        start();
        org.awaitility.Awaitility.await(name + " ready again").atMost(timeout).pollInterval(Duration.ofMillis(200))
                .until(this::isReady);
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String name() {
        return name;
    }

    /** The operating-system process id of the service's JVM. */
    long pid() {
        return process.pid();
    }

    String url() {
        return "http://localhost:" + port;
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            waitForExit();
        }
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
