package org.reportplatform.gateway.ops;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.reportplatform.gateway.ReportGatewayProperties;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.reportplatform.gateway.live.LiveNotice;
import org.reportplatform.gateway.live.LiveNotices;
import org.reportplatform.gateway.ops.Pipeline.KafkaState;
import org.reportplatform.gateway.ops.Pipeline.LatencySummary;
import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.gateway.site.SiteViewReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.availability.ApplicationAvailability;
import org.springframework.boot.availability.LivenessState;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.info.BuildProperties;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code GET /api/ops/pipeline}: the dashboard's figures, computed by the gateway (answered here,
 * not routed: the gateway's router functions come before its API routes). Operators and admins,
 * by token or signed-in session (the security chain checks; 401/403 problems otherwise).
 *
 * <p>Every part is bounded by the check timeout and degrades on its own: a service that does not
 * answer is {@code UNREACHABLE}, a Kafka that does not answer leaves {@code consumers} empty with
 * {@code kafka.available} false; the rest is still answered.
 */
final class PipelineHandler {

    private static final Logger log = LoggerFactory.getLogger(PipelineHandler.class);

    private final ProblemResponses problems;
    private final ReportGatewayProperties gateway;
    private final OpsProperties properties;
    private final ServiceProbe probe;
    private final LagReader lag;
    private final RecentEvents events;
    private final SiteView view;
    private final SiteViewReader reader;
    private final LiveNotices notices;
    private final ApplicationAvailability availability;
    private final BuildProperties build;

    PipelineHandler(ProblemResponses problems, ReportGatewayProperties gateway, OpsProperties properties,
            ServiceProbe probe, LagReader lag, RecentEvents events, SiteView view, SiteViewReader reader, LiveNotices notices,
            ApplicationAvailability availability, BuildProperties build) {
        this.problems = problems;
        this.gateway = gateway;
        this.properties = properties;
        this.probe = probe;
        this.lag = lag;
        this.events = events;
        this.view = view;
        this.reader = reader;
        this.notices = notices;
        this.availability = availability;
        this.build = build;
    }

    Mono<ServerResponse> pipeline(ServerRequest request) {
        return compute().flatMap(pipeline -> ServerResponse.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .cacheControl(CacheControl.noStore())
                .bodyValue(pipeline));
    }

    Mono<Pipeline> compute() {
        Mono<List<ServiceStatus>> services = Flux.mergeSequential(Mono.fromSupplier(this::self),
                        probeEach("content-service", gateway.contentUri()),
                        probeEach("figures-service", gateway.figuresUri()),
                        probeEach("render-service", gateway.renderUri()))
                .collectList();
        Mono<LagOrError> consumers = Mono.fromCallable(() -> new LagOrError(lag.read(reader.positions(), view.isCaughtUp()), null))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(e -> {
                    log.debug("could not read the consumer lag", e);
                    return Mono.just(new LagOrError(List.of(), describe(e)));
                });
        List<LiveNotice> recent = notices.recent();
        Mono<EventsOrError> sourceEvents = Mono.fromCallable(() -> new EventsOrError(events.read(properties.events(), recent), null))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorResume(e -> {
                    log.debug("could not read the latest source events", e);
                    return Mono.just(new EventsOrError(List.of(), describe(e)));
                });
        return Mono.zip(services, consumers, sourceEvents).map(all -> {
            List<LiveNotice> newestFirst = new ArrayList<>(recent.subList(Math.max(0, recent.size() - properties.rebuilds()), recent.size()));
            Collections.reverse(newestFirst);
            LagOrError lagOrError = all.getT2();
            EventsOrError eventsOrError = all.getT3();
            String error = lagOrError.error() != null ? lagOrError.error() : eventsOrError.error();
            return new Pipeline(Instant.now(), all.getT1(), new KafkaState(error == null, error),
                    lagOrError.lags(), eventsOrError.events(), newestFirst, latency(recent, notices.lastId()));
        });
    }

    /** Every instance of a service, in the configured order; numbered ({@code content-service 2}) when there are several. */
    private Flux<ServiceStatus> probeEach(String service, List<URI> instances) {
        return Flux.range(0, instances.size()).flatMapSequential(i ->
                probe.probe(instances.size() == 1 ? service : service + " " + (i + 1), instances.get(i)));
    }

    private record EventsOrError(List<SourceEvent> events, String error) {
    }

    private record LagOrError(List<ConsumerLag> lags, String error) {
    }

    /** The gateway itself: its own availability states and build, no HTTP call. */
    private ServiceStatus self() {
        boolean live = availability.getLivenessState() == LivenessState.CORRECT;
        boolean ready = availability.getReadinessState() == ReadinessState.ACCEPTING_TRAFFIC;
        return new ServiceStatus("gateway", null, live ? "UP" : "DOWN", ready,
                build == null ? null : build.getVersion(), build == null ? null : build.getTime(), null,
                ready ? null : view.isCaughtUp() ? "not accepting traffic" : "still reading the rendered topics");
    }

    /** Percentiles by nearest rank over the notices that carry a latency. */
    static LatencySummary latency(List<LiveNotice> notices, String lastId) {
        List<Long> values = new ArrayList<>();
        notices.forEach(notice -> {
            if (notice.latencyMs() != null) {
                values.add(notice.latencyMs());
            }
        });
        Collections.sort(values);
        if (values.isEmpty()) {
            return new LatencySummary(notices.size(), 0, null, null, null, lastId);
        }
        return new LatencySummary(notices.size(), values.size(), rank(values, 0.50), rank(values, 0.99),
                values.get(values.size() - 1), lastId);
    }

    private static Long rank(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String describe(Throwable e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof java.util.concurrent.TimeoutException || cause instanceof org.apache.kafka.common.errors.TimeoutException) {
            return "Kafka did not answer in time (" + cause.getClass().getSimpleName() + ")";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

}
