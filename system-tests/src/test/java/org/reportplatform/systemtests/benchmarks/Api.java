package org.reportplatform.systemtests.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The gateway as a user's tool sees it: plain HTTP/1.1 requests, one client (connections reused). */
public final class Api {

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    public Api(String base) {
        this.base = base;
    }

    public String base() {
        return base;
    }

    public HttpResponse<byte[]> get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), HttpResponse.BodyHandlers.ofByteArray());
    }

    public HttpResponse<String> getText(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A conditional GET: 304 while the served bytes still have this ETag. */
    public HttpResponse<String> getIfNoneMatch(String path, String etag) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (etag != null) {
            request.header("If-None-Match", etag);
        }
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public int status(String path) {
        try {
            return client.send(HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** PUT of a JSON body; {@code precondition} is the If-Match ETag, or {@code *} to create (If-None-Match). */
    public HttpResponse<String> put(String path, String token, String precondition, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if ("*".equals(precondition)) {
            request.header("If-None-Match", "*");
        } else if (precondition != null) {
            request.header("If-Match", precondition);
        }
        return send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    public HttpResponse<String> post(String path, String token, String contentType, String body) {
        return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The answer must be this status, or the benchmark stops with what the platform said. */
    public static <T> HttpResponse<T> expect(int status, HttpResponse<T> response) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(response.request().method() + " " + response.uri() + " answered " + response.statusCode()
                    + " (expected " + status + "): " + response.body());
        }
        return response;
    }

    /** The revision an ETag such as {@code "7"} names. */
    public static long revision(HttpResponse<?> response) {
        return Long.parseLong(etag(response).replace("\"", ""));
    }

    public static String etag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElseThrow(() -> new IllegalStateException("no ETag from " + response.uri()));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private <T> HttpResponse<T> send(HttpRequest.Builder request, HttpResponse.BodyHandler<T> body) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(60)).build(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
