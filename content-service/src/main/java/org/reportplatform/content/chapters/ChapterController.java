package org.reportplatform.content.chapters;

import java.util.List;
import java.util.concurrent.Callable;
import org.reportplatform.platform.auth.Caller;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.revisions.Preconditions;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The chapters API: {@code /api/editions/{edition}/chapters}. Reads are public; writes need a token. */
@RestController
@RequestMapping("/api/editions/{edition}/chapters")
public class ChapterController {

    private final ChapterBook book;
    private final ChapterWrites writes;
    private final ChapterProperties limits;

    public ChapterController(ChapterBook book, ChapterWrites writes, ChapterProperties limits) {
        this.book = book;
        this.writes = writes;
        this.limits = limits;
    }

    @GetMapping
    public List<Chapter> list(@PathVariable String edition) {
        ChapterRules.checkPath(edition, null, limits.maxSlugLength());
        return book.chapters(edition);
    }

    @GetMapping("/{slug}")
    public ResponseEntity<Chapter> get(@PathVariable String edition, @PathVariable String slug) {
        ChapterRules.checkPath(edition, slug, limits.maxSlugLength());
        Chapter chapter = book.current(edition, slug)
                .orElseThrow(() -> ApiException.notFound("no chapter " + slug + " in edition " + edition));
        return ResponseEntity.ok().eTag(chapter.etag()).body(chapter);
    }

    @PutMapping("/{slug}")
    public Mono<ResponseEntity<Chapter>> put(@PathVariable String edition, @PathVariable String slug,
            @RequestBody(required = false) ChapterRequest request, Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return blocking(() -> writes.put(edition, slug, request, preconditions, caller))
                .map(outcome -> ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .eTag(outcome.chapter().etag())
                        .header(HttpHeaders.LOCATION, "/api/editions/" + edition + "/chapters/" + slug)
                        .body(outcome.chapter()));
    }

    @DeleteMapping("/{slug}")
    public Mono<ResponseEntity<Void>> delete(@PathVariable String edition, @PathVariable String slug, Caller caller,
            ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return blocking(() -> {
            writes.delete(edition, slug, preconditions, caller);
            return ResponseEntity.noContent().<Void>build();
        });
    }

    /** Writes wait for Kafka's acknowledgement: never on the event loop. */
    private static <T> Mono<T> blocking(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
