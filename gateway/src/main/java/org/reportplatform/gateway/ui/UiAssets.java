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
 * The few static files of the gateway's own pages ({@code /ui/gateway.css}, {@code /ui/live.js},
 * {@code /ui/reload.js}, {@code /ui/ops.js}, {@code /ui/notices.js} that live.js and ops.js share,
 * and uPlot for the dashboard's chart), read once from the classpath, served with a strong ETag and
 * {@code no-cache} like the report. Only these names exist.
 */
public final class UiAssets {

    private static final String LOCATION = "/org/reportplatform/gateway/ui/";
    private static final MediaType CSS = new MediaType("text", "css", StandardCharsets.UTF_8);
    private static final MediaType JAVASCRIPT = new MediaType("text", "javascript", StandardCharsets.UTF_8);
    private static final Map<String, MediaType> FILES = Map.of(
            "gateway.css", CSS,
            "notices.js", JAVASCRIPT,
            "copy.js", JAVASCRIPT,
            "live.js", JAVASCRIPT,
            "reload.js", JAVASCRIPT,
            "ops.js", JAVASCRIPT);
    /**
     * The charting library of the operations dashboard, uPlot, from its webjar (Maven Central):
     * name under {@code /ui/} -> file in the webjar's {@code dist/}. The webjar's version is read
     * from its own pom.properties, so upgrading is a pom change only.
     */
    private static final String UPLOT = "/META-INF/resources/webjars/uplot/";
    private static final String UPLOT_POM = "/META-INF/maven/org.webjars.npm/uplot/pom.properties";
    private static final Map<String, MediaType> UPLOT_FILES = Map.of(
            "uPlot.iife.min.js", JAVASCRIPT,
            "uPlot.min.css", CSS);

    private record Asset(byte[] bytes, MediaType type, String etag) {
    }

    private final Map<String, Asset> assets;

    public UiAssets() {
        Map<String, Asset> loaded = new HashMap<>();
        FILES.forEach((name, type) -> {
            byte[] bytes = read(name);
            loaded.put(name, new Asset(bytes, type, '"' + sha256Hex(bytes) + '"'));
        });
        String uplot = UPLOT + webjarVersion(UPLOT_POM) + "/dist/";
        UPLOT_FILES.forEach((name, type) -> {
            byte[] bytes = readResource(uplot + name);
            loaded.put(name, new Asset(bytes, type, '"' + sha256Hex(bytes) + '"'));
        });
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
