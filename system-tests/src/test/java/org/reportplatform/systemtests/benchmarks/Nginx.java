package org.reportplatform.systemtests.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * nginx (Debian's) serving a folder of files on the loopback interface, configured the way a
 * static web server would serve a site: sendfile, keep-alive, no access log, one worker per core.
 */
public final class Nginx implements AutoCloseable {

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
        try {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Path prefix = Files.createDirectories(workDirectory.resolve("nginx"));
            Files.createDirectories(prefix.resolve("logs"));
            Files.createDirectories(prefix.resolve("tmp"));
            Path config = prefix.resolve("nginx.conf");
            String user = "root".equals(System.getProperty("user.name")) ? "user root;" : "";
            Files.writeString(config, """
                    daemon off;
                    %4$s
                    worker_processes auto;
                    pid %1$s/nginx.pid;
                    error_log %1$s/logs/error.log warn;
                    events { worker_connections 1024; }
                    http {
                      access_log off;
                      sendfile on;
                      tcp_nopush on;
                      keepalive_requests 1000000;
                      default_type text/html;
                      charset utf-8;
                      client_body_temp_path %1$s/tmp; proxy_temp_path %1$s/tmp; fastcgi_temp_path %1$s/tmp;
                      uwsgi_temp_path %1$s/tmp; scgi_temp_path %1$s/tmp;
                      server {
                        listen 127.0.0.1:%2$d;
                        root %3$s;
                        index index.html;
                        location / { add_header Cache-Control no-cache; }
                      }
                    }
                    """.formatted(prefix, port, site, user));
            Process process = new ProcessBuilder("/usr/sbin/nginx", "-p", prefix.toString(), "-c", config.toString())
                    .redirectErrorStream(true).redirectOutput(prefix.resolve("logs/nginx.out").toFile()).start();
            Nginx nginx = new Nginx(process, port);
            Api api = new Api(nginx.url());
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (api.status("/") < 0) {
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
