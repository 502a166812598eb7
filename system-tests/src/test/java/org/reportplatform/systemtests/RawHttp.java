package org.reportplatform.systemtests;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An HTTP client for hostile and measured requests: any method, raw path (sent as written, not
 * normalized), any headers, body bytes as given (invalid UTF-8 included), no redirects followed.
 * Failures to get an answer at all are an {@link Answer} with status 0 and the error, so a test
 * can count them instead of stopping.
 */
final class RawHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).version(HttpClient.Version.HTTP_1_1).build();

    private final String base;
    private final Duration timeout;

    RawHttp(String base) {
        this(base, Duration.ofSeconds(20));
    }

    RawHttp(String base, Duration timeout) {
        this.base = base;
        this.timeout = timeout;
    }

    /** What came back: status 0 and {@code error} when nothing did. */
    record Answer(int status, Map<String, String> headers, String body, long nanos, String error) {

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(), "");
        }

        boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        @Override
        public String toString() {
            return status == 0 ? "no answer (" + error + ")" : status + " " + header("content-type") + " " + body;
        }
    }

    Answer get(String path) {
        return send("GET", path, Map.of(), null);
    }

    Answer get(String path, String token) {
        return send("GET", path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token), null);
    }

    Answer send(String method, String path, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return answer(response.statusCode(), response.headers().map(), new String(response.body(), StandardCharsets.UTF_8), started);
        } catch (IOException e) {
            return new Answer(0, Map.of(), "", System.nanoTime() - started, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, Map.of(), "", System.nanoTime() - started, e.toString());
        }
    }

    /** Only the status and headers of a (possibly endless) stream, which is then closed. */
    Answer open(String path, String token) {
        return open(path, token == null ? Map.of() : Map.of("Authorization", "Bearer " + token));
    }

    /** Only the status and headers of a (possibly endless) stream opened with these headers (a session's cookies). */
    Answer open(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET();
        headers.forEach(request::header);
        long started = System.nanoTime();
        try {
            HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            String body = "";
            try (InputStream in = response.body()) {
                if (response.statusCode() >= 300) {
                    body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return answer(response.statusCode(), response.headers().map(), body, started);
        } catch (IOException e) {
            return new Answer(0, Map.of(), "", System.nanoTime() - started, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, Map.of(), "", System.nanoTime() - started, e.toString());
        }
    }

    private static Answer answer(int status, Map<String, java.util.List<String>> headers, String body, long started) {
        Map<String, String> flat = new LinkedHashMap<>();
        headers.forEach((name, values) -> flat.put(name.toLowerCase(), String.join(", ", values)));
        return new Answer(status, flat, body, System.nanoTime() - started, null);
    }
}
