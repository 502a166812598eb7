package org.reportplatform.render.preview;

import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.render.publishing.RebuildWorker;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * {@code POST /api/editions/{edition}/chapters/{slug}/preview}: the chapter page as it would be
 * with the text being typed (the studio calls it at every pause). Any authenticated caller may
 * preview (it shows nothing the public pages do not, and writes nothing); anonymous is a 401.
 */
@RestController
public class PreviewController {

    private final ChapterPreviews previews;
    private final RebuildWorker pages;

    public PreviewController(ChapterPreviews previews, RebuildWorker pages) {
        this.previews = previews;
        this.pages = pages;
    }

    @PostMapping("/api/editions/{edition}/chapters/{slug}/preview")
    public Mono<ChapterPreview> preview(Caller caller, @PathVariable String edition, @PathVariable String slug,
            @RequestBody(required = false) PreviewRequest request) {
        if (!pages.isRunning()) {
            // Still replaying the sources: a preview now would miss figures and chapters.
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "the render service is still replaying its sources; try again shortly");
        }
        // Off the event loop: the snapshot waits for the site's lock while pages render.
        return Mono.fromCallable(() -> previews.preview(edition, slug, request)).subscribeOn(Schedulers.boundedElastic());
    }
}
