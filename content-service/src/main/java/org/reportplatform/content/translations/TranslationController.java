package org.reportplatform.content.translations;

import static org.reportplatform.content.openapi.ApiExamples.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.reportplatform.content.openapi.Problem;
import org.reportplatform.platform.chapters.ChapterChecks;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.log.OffEventLoop;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.security.Caller;
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

/**
 * The translations API: a chapter's translation into each target language of its edition, and
 * the edition's translation status. Reads are public, like the chapters; writes need a token.
 */
@RestController
@RequestMapping("/api/editions/{edition}")
@Tag(name = "translations", description = "Chapters translated into the edition's target languages: revisioned, stale when the source changed")
public class TranslationController {

    private static final String ONE = "/chapters/{slug}/translations/{language}";

    private final TranslationBook book;
    private final TranslationWrites writes;
    private final TranslationViews views;
    private final ChapterProperties limits;

    TranslationController(TranslationBook book, TranslationWrites writes, TranslationViews views, ChapterProperties limits) {
        this.book = book;
        this.writes = writes;
        this.views = views;
        this.limits = limits;
    }

    @GetMapping("/translations")
    @Operation(summary = "The edition's translation status: every chapter × every target language, and counts per team",
            description = "Chapters in report order; each language is translated, stale (the source's title or body changed "
                    + "after the revision it translates) or missing. A cell counts for the translator team when an admin named "
                    + "one, else for the chapter's team.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = TranslationViews.EditionStatus.class)))
    public TranslationViews.EditionStatus edition(@Parameter(example = EDITION) @PathVariable String edition) {
        ChapterChecks.checkPath(edition, null, limits.maxSlugLength());
        return views.ofEdition(edition);
    }

    @GetMapping("/chapters/{slug}/translations")
    @Operation(summary = "One chapter's translations: a row per target language of the edition")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON,
            array = @ArraySchema(schema = @Schema(implementation = TranslationViews.LanguageStatus.class))))
    @ApiResponse(responseCode = "404", description = "No such chapter",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public List<TranslationViews.LanguageStatus> chapter(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug) {
        ChapterChecks.checkPath(edition, slug, limits.maxSlugLength());
        return views.ofChapter(edition, slug);
    }

    @GetMapping(ONE)
    @Operation(summary = "A chapter's translation into one language, against the source as it is now",
            description = "The ETag is its revision. status is stale when the source's title or body changed after "
                    + "sourceRevision; what changed is the chapter's diff from sourceRevision to chapterRevision.")
    @ApiResponse(responseCode = "200", headers = @Header(name = "ETag", description = "the revision, e.g. \"3\""),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Translation.class)))
    @ApiResponse(responseCode = "404", description = "No such chapter or translation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ResponseEntity<Translation> get(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug, @Parameter(example = "en") @PathVariable String language) {
        TranslationRules.checkPath(edition, slug, language, limits);
        Translation translation = views.view(book.requireCurrent(edition, TranslationBook.id(slug, language)));
        return ResponseEntity.ok().eTag(translation.etag()).body(translation);
    }

    @PutMapping(ONE)
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Create (If-None-Match: *) or update (If-Match) a translation",
            description = "The chapter's team, the translator team or an admin; only an admin names the translator team "
                    + "(alone, without title and body, it assigns a translation no one has written yet). sourceRevision, the "
                    + "source revision translated, defaults to the chapter's current revision: saving clears stale.",
            parameters = {
                    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "the revision the change is based on",
                            schema = @Schema(type = "string"), example = ETAG),
                    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "* to create",
                            schema = @Schema(type = "string"), example = "\"*\"")})
    @ApiResponse(responseCode = "200", description = "Updated", content = @Content(mediaType = JSON, schema = @Schema(implementation = Translation.class)))
    @ApiResponse(responseCode = "201", description = "Created", content = @Content(mediaType = JSON, schema = @Schema(implementation = Translation.class)))
    @ApiResponse(responseCode = "400", description = "Every bad field is named; language not a target language of the edition; "
            + "sourceRevision past the chapter's current revision",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "Not the chapter's team, the translator team or an admin; or a translator team set by a non-admin",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such chapter",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The edition is closed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names a revision that is not the current one",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing on an existing translation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Translation>> put(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug, @Parameter(example = "en") @PathVariable String language,
            @RequestBody(required = false) TranslationRequest request, Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> writes.put(edition, slug, language, request, preconditions, caller)).map(views::answer);
    }

    @DeleteMapping(ONE)
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Remove a translation (If-Match required); its history stays",
            parameters = @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, schema = @Schema(type = "string"), example = ETAG))
    @ApiResponse(responseCode = "204", description = "Deleted: the page in that language shows the source text again")
    @ApiResponse(responseCode = "403", description = "Not the chapter's team, the translator team or an admin",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Void>> delete(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug, @Parameter(example = "en") @PathVariable String language,
            Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> {
            writes.delete(edition, slug, language, preconditions, caller);
            return ResponseEntity.noContent().<Void>build();
        });
    }
}
