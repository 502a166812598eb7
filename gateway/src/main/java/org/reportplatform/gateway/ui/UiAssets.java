package org.reportplatform.gateway.ui;

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
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The few static files of the gateway's own pages ({@code /ui/gateway.css}, {@code /ui/live.js},
 * {@code /ui/reload.js}), read once from the classpath, served with a strong ETag and
 * {@code no-cache} like the report. Only these names exist.
 */
public final class UiAssets {

    private static final String LOCATION = "/org/reportplatform/gateway/ui/";
    private static final Map<String, MediaType> FILES = Map.of(
            "gateway.css", new MediaType("text", "css", StandardCharsets.UTF_8),
            "live.js", new MediaType("text", "javascript", StandardCharsets.UTF_8),
            "reload.js", new MediaType("text", "javascript", StandardCharsets.UTF_8));

    private record Asset(byte[] bytes, MediaType type, String etag) {
    }

    private final Map<String, Asset> assets;

    public UiAssets() {
        Map<String, Asset> loaded = new HashMap<>();
        FILES.forEach((name, type) -> {
            byte[] bytes = read(name);
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

    private static byte[] read(String name) {
        try (InputStream in = UiAssets.class.getResourceAsStream(LOCATION + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + LOCATION + name);
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
