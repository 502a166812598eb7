package org.reportplatform.systemtests.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The HTTP load generator {@code wrk}, requesting a list of paths in turn (a Lua script), and what it reports. */
public final class Wrk {

    /** One run: requests per second, latency percentiles as wrk prints them, errors (non-2xx/3xx and socket errors). */
    public record Run(double requestsPerSecond, String p50, String p99, long errors, String output) {
    }

    private final Path script;
    private final int threads;
    private final int connections;

    /** Writes the script cycling through {@code paths} into {@code directory}. */
    public Wrk(Path directory, List<String> paths, int threads, int connections) {
        this.threads = threads;
        this.connections = connections;
        StringBuilder lua = new StringBuilder("local paths = {");
        paths.forEach(page -> lua.append('"').append(page).append("\", "));
        lua.append("}\nlocal i = 0\nrequest = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n");
        try {
            Files.createDirectories(directory);
            script = directory.resolve("pages.lua");
            Files.writeString(script, lua);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String version() {
        return Tools.firstLine(List.of("/usr/bin/wrk", "-v"));
    }

    public Run run(String base, int seconds) {
        try {
            Process wrk = new ProcessBuilder("/usr/bin/wrk", "-t" + threads, "-c" + connections, "-d" + seconds + "s", "--latency",
                    "-s", script.toString(), base).redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS) || wrk.exitValue() != 0) {
                throw new IllegalStateException("wrk failed:\n" + output);
            }
            Matcher rate = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(output);
            if (!rate.find()) {
                throw new IllegalStateException("no request rate in wrk's output:\n" + output);
            }
            Matcher p50 = Pattern.compile("\\s50%\\s+(\\S+)").matcher(output);
            Matcher p99 = Pattern.compile("\\s99%\\s+(\\S+)").matcher(output);
            Matcher status = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
            Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)").matcher(output);
            long errors = status.find() ? Long.parseLong(status.group(1)) : 0;
            if (socket.find()) {
                for (int i = 1; i <= 4; i++) {
                    errors += Long.parseLong(socket.group(i));
                }
            }
            return new Run(Double.parseDouble(rate.group(1)), p50.find() ? p50.group(1) : "?", p99.find() ? p99.group(1) : "?", errors, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
