package org.reportplatform.systemtests.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Serving: {@code wrk} requests the report's pages (the edition's index and every page it links
 * to, in turn) from the gateway, then the very same bytes from nginx, same duration, threads and
 * connections, each after a warm-up. The ratio of the two request rates is the figure.
 */
public final class ServingRate {

    /** {@code nginxRestKb}/{@code nginxPeakKb}: nginx's memory (master and workers) idle and under wrk. */
    public record Result(int pages, int threads, int connections, int seconds, Wrk.Run gateway, Wrk.Run nginx,
            long nginxRestKb, long nginxPeakKb) {

        public double ratio() {
            return gateway.requestsPerSecond() / nginx.requestsPerSecond();
        }
    }

    private final Api gateway;
    private final Path work;

    public ServingRate(Api gateway, Path work) {
        this.gateway = gateway;
        this.work = work;
    }

    public Result run(String edition, Settings settings) {
        List<String> pages = pages(edition);
        Path site = work.resolve("nginx-site");
        for (String page : pages) {
            write(site.resolve(page.substring(1) + (page.endsWith("/") ? "index.html" : "")), Api.expect(200, gateway.get(page)).body());
        }
        Wrk wrk = new Wrk(work, pages, settings.wrkThreads(), settings.wrkConnections());
        try (Nginx nginx = Nginx.serve(site, work)) {
            Api peer = new Api(nginx.url());
            for (String page : pages) {
                if (!Arrays.equals(Api.expect(200, peer.get(page)).body(), gateway.get(page).body())) {
                    throw new IllegalStateException("nginx does not serve " + page + " as the gateway does");
                }
            }
            Map<String, Supplier<List<Long>>> nginxProcesses = Map.of("nginx", nginx::pids);
            long nginxRest = Memory.snapshot(nginxProcesses).get("nginx");
            // warm up both (the gateway's JIT needs longer), then measure each alone for the same time
            wrk.run(gateway.base(), Math.max(3, settings.wrkSeconds()));
            wrk.run(nginx.url(), 3);
            Wrk.Run gatewayRun = wrk.run(gateway.base(), settings.wrkSeconds());
            Wrk.Run nginxRun;
            long nginxPeak;
            try (Memory sampler = Memory.sampling(nginxProcesses)) {
                nginxRun = wrk.run(nginx.url(), settings.wrkSeconds());
                nginxPeak = sampler.peaks().get("nginx");
            }
            return new Result(pages.size(), settings.wrkThreads(), settings.wrkConnections(), settings.wrkSeconds(), gatewayRun, nginxRun,
                    nginxRest, nginxPeak);
        }
    }

    /** The gateway's request rate alone on the same pages, after the same warm-up (e.g. on another Kafka setup). */
    public Wrk.Run gatewayOnly(String edition, Settings settings) {
        Wrk wrk = new Wrk(work, pages(edition), settings.wrkThreads(), settings.wrkConnections());
        wrk.run(gateway.base(), Math.max(3, settings.wrkSeconds()));
        return wrk.run(gateway.base(), settings.wrkSeconds());
    }

    /** The edition's index and every page of the edition it links to (not the PDF). */
    private List<String> pages(String edition) {
        String root = "/" + edition + "/";
        String index = new String(Api.expect(200, gateway.get(root)).body(), StandardCharsets.UTF_8);
        Set<String> pages = new LinkedHashSet<>(List.of(root));
        Matcher links = Pattern.compile("href=\"([^\"#]+)\"").matcher(index);
        while (links.find()) {
            String path = URI.create(root).resolve(links.group(1)).getPath();
            if (path.startsWith(root) && !path.endsWith(".pdf")) {
                pages.add(path);
            }
        }
        return List.copyOf(pages);
    }

    private static void write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
