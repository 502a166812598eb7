package org.reportplatform.render.ops;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.render.publishing.RebuildProgress;
import org.reportplatform.render.publishing.RebuildSummary;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Operator endpoints of the render service: full rebuild and its progress. */
@RestController
public class OpsController {

    private static final Duration REBUILD_TIMEOUT = Duration.ofSeconds(60);

    private final FullRebuilds rebuilds;

    public OpsController(FullRebuilds rebuilds) {
        this.rebuilds = rebuilds;
    }

    /**
     * Re-renders every page and document (the PDF) and publishes those whose bytes changed (and
     * tombstones for outputs that no longer exist). Needs the OPERATOR or ADMIN role. Answers what
     * it did, pages and documents together. A request while a rebuild runs joins it.
     */
    @PostMapping("/api/ops/rebuild")
    public Mono<RebuildSummary> rebuild(Caller caller) {
        Operators.require(caller, "rebuilding the site");
        if (!rebuilds.canRun()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the render service is still replaying its sources; try again shortly");
        }
        // suppressCancel: a client that goes away does not cancel the rebuild others may be waiting for.
        return Mono.fromFuture(rebuilds.start(), true)
                .timeout(REBUILD_TIMEOUT)
                .onErrorMap(e -> !(e instanceof ApiException), e -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                        e instanceof TimeoutException ? "the rebuild did not finish within " + REBUILD_TIMEOUT.toSeconds() + " s"
                                : "the rebuild could not be published: " + e.getMessage()));
    }

    /** Whether a full rebuild runs and how far it is: {@code {state, startedAt, done, total, lastSummary, ...}}. */
    @GetMapping("/api/ops/rebuild")
    public RebuildProgress.Snapshot progress(Caller caller) {
        Operators.require(caller, "following a rebuild");
        return rebuilds.progress();
    }
}
