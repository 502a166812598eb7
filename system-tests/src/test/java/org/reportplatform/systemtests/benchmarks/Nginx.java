package org.reportplatform.systemtests.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.reportplatform.platform.testing.RunConfiguration;
import org.reportplatform.systemtests.Ports;

/**
 * nginx (Debian's) on the loopback interface, in one of two roles: a static web server serving a
 * folder of files the way one would serve a site (sendfile, keep-alive, no access log, one worker
 * per core), or the load balancer in front of the gateway replicas, with the very configuration
 * docker-compose deploys ({@code deploy/load-balancer/gateways.conf}), only its addresses changed.
 */
public final class Nginx implements AutoCloseable {

    private static final Path LOAD_BALANCER = RunConfiguration.root().resolve("deploy/load-balancer/gateways.conf");

    private final Process process;
    private final int port;

    private Nginx(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static String version() {
        return Tools.firstLine(List.of("/usr/sbin/nginx", "-v"));
    }

    public static Nginx serve(Path site, Path workDirectory) {
        int port = Ports.free();
        return start(workDirectory.resolve("nginx"), port, """
                  sendfile on;
                  tcp_nopush on;
                  keepalive_requests 1000000;
                  default_type text/html;
                  charset utf-8;
                  server {
                    listen 127.0.0.1:%d;
                    root %s;
                    index index.html;
                    location / { add_header Cache-Control no-cache; }
                  }
                """.formatted(port, site), "/");
    }

    /**
     * The load balancer of {@code deploy/load-balancer/gateways.conf} in front of {@code replicas}
     * (ports on this machine, in the file's order of servers), listening on a free port.
     */
    public static Nginx balance(List<Integer> replicas, Path workDirectory) {
        int port = Ports.free();
        try {
            String balancer = Files.readString(LOAD_BALANCER).replace("listen 8080;", "listen 127.0.0.1:" + port + ";");
            for (int i = 0; i < replicas.size(); i++) {
                String server = "gateway-" + (i + 1) + ":8080";
                if (!balancer.contains(server)) {
                    throw new IllegalArgumentException(LOAD_BALANCER + " names no " + server);
                }
                balancer = balancer.replace(server, "127.0.0.1:" + replicas.get(i));
            }
            return start(workDirectory.resolve("nginx-balancer"), port, balancer, "/actuator/health/liveness");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Nginx start(Path prefix, int port, String http, String probe) {
        try {
            Files.createDirectories(prefix.resolve("logs"));
            Files.createDirectories(prefix.resolve("tmp"));
            Path config = prefix.resolve("nginx.conf");
            String user = "root".equals(System.getProperty("user.name")) ? "user root;" : "";
            Files.writeString(config, """
                    daemon off;
                    %2$s
                    worker_processes auto;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 1024; }
                    http {
                      access_log off;
                      client_body_temp_path %1$s/tmp; proxy_temp_path %1$s/tmp; fastcgi_temp_path %1$s/tmp;
                      uwsgi_temp_path %1$s/tmp; scgi_temp_path %1$s/tmp;
                    %3$s
                    }
                    """.formatted(prefix, user, http));
            Process process = new ProcessBuilder("/usr/sbin/nginx", "-p", prefix.toString(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/nginx.out").toFile()).start();
            Nginx nginx = new Nginx(process, port);
            Api api = new Api(nginx.url());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (api.status(probe) < 0) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("nginx did not start; see " + prefix.resolve("logs"));
                }
                LiveStream.sleep(50);
            }
            return nginx;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** The master process and its workers: their memory is nginx's. */
    public List<Long> pids() {
        return Stream.concat(Stream.of(process.toHandle()), process.toHandle().descendants())
                .map(ProcessHandle::pid).toList();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
