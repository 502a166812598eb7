package org.reportplatform.figures.indicators;

import java.util.List;
import org.reportplatform.platform.auth.Caller;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.revisions.Preconditions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The indicators API: {@code /api/editions/{edition}/indicators}. Reads are public; writes need a token. */
@RestController
@RequestMapping("/api/editions/{edition}/indicators")
public class IndicatorController {

    private final IndicatorBook book;
    private final IndicatorWrites writes;

    public IndicatorController(IndicatorBook book, IndicatorWrites writes) {
        this.book = book;
        this.writes = writes;
    }

    @GetMapping
    public List<Indicator> list(@PathVariable String edition) {
        IndicatorWrites.checkPath(edition, null);
        return book.indicators(edition);
    }

    @GetMapping("/{id}")
    public ResponseEntity<Indicator> get(@PathVariable String edition, @PathVariable String id) {
        IndicatorWrites.checkPath(edition, id);
        Indicator indicator = book.current(edition, id)
                .orElseThrow(() -> ApiException.notFound("no indicator " + id + " in edition " + edition));
        return ResponseEntity.ok().eTag(indicator.etag()).body(indicator);
    }

    @PutMapping("/{id}")
    public Mono<ResponseEntity<Indicator>> put(@PathVariable String edition, @PathVariable String id,
            @RequestBody(required = false) IndicatorRequest request, Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        // Waits for Kafka's acknowledgement: off the event loop.
        return Mono.fromCallable(() -> writes.put(edition, id, request, preconditions, caller))
                .subscribeOn(Schedulers.boundedElastic())
                .map(outcome -> ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .eTag(outcome.indicator().etag()).body(outcome.indicator()));
    }
}
