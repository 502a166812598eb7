package org.reportplatform.gateway.ui;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The few static files of the gateway's own pages (the style sheets and small scripts of the live
 * view, the dashboard and the studio, and the browser libraries they use: uPlot for the dashboard's
 * chart, htmx, EasyMDE and SortableJS for the studio), read once from the classpath, served with a
 * strong ETag and {@code no-cache} like the report. Only these names exist.
 */
public final class UiAssets {

    private static final String LOCATION = "/org/reportplatform/gateway/ui/";
    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    private static final Map<String, MediaType> FILES = Map.ofEntries(
            Map.entry("gateway.css", CSS),
            Map.entry("notices.js", JAVASCRIPT),
            Map.entry("copy.js", JAVASCRIPT),
            Map.entry("live.js", JAVASCRIPT),
            Map.entry("reload.js", JAVASCRIPT),
            Map.entry("ops.js", JAVASCRIPT),
            // Results as one types on the report's search pages.
            Map.entry("search.js", JAVASCRIPT),
            // The studio's own style and scripts (one script per kind of page).
            Map.entry("studio.css", CSS),
            Map.entry("studio-home.js", JAVASCRIPT),
            Map.entry("studio-editor.js", JAVASCRIPT),
            Map.entry("studio-figures.js", JAVASCRIPT),
            Map.entry("studio-times.js", JAVASCRIPT));

    /**
     * Files of browser libraries from their webjars (Maven Central), never a CDN: the webjar's
     * artifact, the file inside its version folder, and the name it is served under at {@code /ui/}.
     * The version is read from the webjar's own pom.properties, so upgrading is a pom change only.
     */
    private record WebjarFile(String artifact, String path, String name, MediaType type) {
    }

    private static final List<WebjarFile> WEBJAR_FILES = List.of(
            new WebjarFile("uplot", "dist/uPlot.iife.min.js", "uPlot.iife.min.js", JAVASCRIPT),
            new WebjarFile("uplot", "dist/uPlot.min.css", "uPlot.min.css", CSS),
            new WebjarFile("htmx.org", "dist/htmx.min.js", "htmx.min.js", JAVASCRIPT),
            new WebjarFile("easymde", "dist/easymde.min.js", "easymde.min.js", JAVASCRIPT),
            new WebjarFile("easymde", "dist/easymde.min.css", "easymde.min.css", CSS),
            new WebjarFile("sortablejs", "Sortable.min.js", "Sortable.min.js", JAVASCRIPT));

    private record Asset(byte[] bytes, MediaType type, String etag) {
    }

    private final Map<String, Asset> assets;

    public UiAssets() {
        Map<String, Asset> loaded = new HashMap<>();
        FILES.forEach((name, type) -> {
            byte[] bytes = read(name);
            loaded.put(name, new Asset(bytes, type, '"' + sha256Hex(bytes) + '"'));
        });
        for (WebjarFile file : WEBJAR_FILES) {
            String version = webjarVersion("/META-INF/maven/org.webjars.npm/" + file.artifact() + "/pom.properties");
            byte[] bytes = readResource("/META-INF/resources/webjars/" + file.artifact() + "/" + version + "/" + file.path());
            loaded.put(file.name(), new Asset(bytes, file.type(), '"' + sha256Hex(bytes) + '"'));
        }
        this.assets = Map.copyOf(loaded);
    }

    /** {@code GET /ui/{name}}. */
    public Mono<ServerResponse> serve(ServerRequest request) {
        Asset asset = assets.get(request.pathVariable("name"));
        if (asset == null) {
            return ServerResponse.notFound().build();
        }
        List<String> ifNoneMatch = request.headers().header(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch.stream().anyMatch(value -> value.contains(asset.etag()) || value.strip().equals("*"))) {
            return ServerResponse.status(HttpStatus.NOT_MODIFIED).eTag(asset.etag()).cacheControl(CacheControl.noCache()).build();
        }
        return ServerResponse.ok()
                .contentType(asset.type())
                .eTag(asset.etag())
                .cacheControl(CacheControl.noCache())
                .header("X-Content-Type-Options", "nosniff")
                .bodyValue(asset.bytes());
    }

    private static String webjarVersion(String pomProperties) {
        Properties properties = new Properties();
        try (InputStream in = new ByteArrayInputStream(readResource(pomProperties))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static byte[] read(String name) {
        return readResource(LOCATION + name);
    }

    private static byte[] readResource(String location) {
        try (InputStream in = UiAssets.class.getResourceAsStream(location)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + location);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
