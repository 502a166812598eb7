package org.reportplatform.gateway.ops;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Asks a service how it is: {@code /actuator/health} (its overall status, and which components are
 * not UP), {@code /actuator/health/readiness} and {@code /actuator/info} ({@code build.version},
 * {@code build.time}, from the build-info every service jar carries). The three calls run at once,
 * each bounded by the check timeout; a service that does not answer in time is
 * {@link ServiceStatus#UNREACHABLE}, never an error of the dashboard.
 */
final class ServiceProbe {

    private final WebClient client;
    private final Duration timeout;

    ServiceProbe(Duration timeout) {
        this.timeout = timeout;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(timeout.toMillis()))
                .responseTimeout(timeout);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    Mono<ServiceStatus> probe(String name, URI base) {
        long started = System.nanoTime();
        Mono<Health> health = get(base, "/actuator/health")
                .map(body -> new Health(String.valueOf(body.getOrDefault("status", "UNKNOWN")), notUp(body),
                        (System.nanoTime() - started) / 1_000_000))
                .onErrorResume(e -> Mono.just(new Health(ServiceStatus.UNREACHABLE, describe(e), null)));
        Mono<Object> ready = get(base, "/actuator/health/readiness")
                .<Object>map(body -> "UP".equals(body.get("status")))
                .onErrorReturn("unknown");
        Mono<Map<String, Object>> info = get(base, "/actuator/info").onErrorReturn(Map.of());
        return Mono.zip(health, ready, info).map(all -> {
            Health h = all.getT1();
            Object build = all.getT3().get("build");
            Map<?, ?> buildInfo = build instanceof Map<?, ?> map ? map : Map.of();
            return new ServiceStatus(name, base.toString(), h.status(),
                    all.getT2() instanceof Boolean b && !ServiceStatus.UNREACHABLE.equals(h.status()) ? b : null,
                    text(buildInfo.get("version")), instant(buildInfo.get("time")), h.responseMs(), h.detail());
        });
    }

    private record Health(String status, String detail, Long responseMs) {
    }

    /** Health answers 503 with its body when DOWN: the body is read whatever the status. */
    @SuppressWarnings("unchecked")
    private Mono<Map<String, Object>> get(URI base, String path) {
        return client.get().uri(base.resolve(path))
                .exchangeToMono(response -> response.bodyToMono(Map.class).map(body -> (Map<String, Object>) body)
                        .defaultIfEmpty(Map.of()))
                .timeout(timeout);
    }

    /** The components of a health answer that are not UP, by name ({@code kafka: DOWN}), or null. */
    private static String notUp(Map<String, Object> body) {
        if (!(body.get("components") instanceof Map<?, ?> components)) {
            return null;
        }
        List<String> down = new ArrayList<>();
        components.forEach((component, value) -> {
            if (value instanceof Map<?, ?> map && map.get("status") != null && !"UP".equals(map.get("status"))) {
                down.add(component + ": " + map.get("status"));
            }
        });
        return down.isEmpty() ? null : String.join(", ", down);
    }

    private String describe(Throwable e) {
        if (e instanceof java.util.concurrent.TimeoutException) {
            return "no answer within " + timeout.toMillis() + " ms";
        }
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    private static Instant instant(Object value) {
        try {
            return value == null ? null : Instant.parse(value.toString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
