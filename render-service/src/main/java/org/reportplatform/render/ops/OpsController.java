package org.reportplatform.render.ops;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.reportplatform.platform.auth.Caller;
import org.reportplatform.platform.auth.Role;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.render.publishing.DocumentWorker;
import org.reportplatform.render.publishing.RebuildSummary;
import org.reportplatform.render.publishing.RebuildWorker;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Operator endpoints of the render service. */
@RestController
public class OpsController {

    private static final Duration REBUILD_TIMEOUT = Duration.ofSeconds(60);

    private final RebuildWorker worker;
    private final DocumentWorker documents;

    public OpsController(RebuildWorker worker, DocumentWorker documents) {
        this.worker = worker;
        this.documents = documents;
    }

    /**
     * Re-renders every page and document (the PDF) and publishes those whose bytes changed (and
     * tombstones for outputs that no longer exist). Needs the OPERATOR or ADMIN role. Answers what
     * it did, pages and documents together.
     */
    @PostMapping("/api/ops/rebuild")
    public Mono<RebuildSummary> rebuild(Caller caller) {
        if (!caller.isAdmin() && !caller.roles().contains(Role.OPERATOR)) {
            throw ApiException.forbidden("rebuilding the site needs the OPERATOR or ADMIN role");
        }
        if (!worker.isRunning() || !documents.isRunning()) {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the render service is still replaying its sources; try again shortly");
        }
        return Mono.zip(Mono.fromFuture(worker::requestFullRebuild), Mono.fromFuture(documents::requestFullRebuild), RebuildSummary::plus)
                .timeout(REBUILD_TIMEOUT)
                .onErrorMap(e -> !(e instanceof ApiException), e -> new ApiException(HttpStatus.SERVICE_UNAVAILABLE,
                        e instanceof TimeoutException ? "the rebuild did not finish within " + REBUILD_TIMEOUT.toSeconds() + " s"
                                : "the rebuild could not be published: " + e.getMessage()));
    }
}
