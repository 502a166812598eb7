package org.reportplatform.content.translations;

import static org.reportplatform.content.openapi.ApiExamples.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.reportplatform.content.openapi.Problem;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.revisions.HistoryEndpoints;
import org.reportplatform.platform.revisions.RevisionDiff;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.schemas.TranslationChanged;
import org.reportplatform.schemas.TranslationState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A translation's history, kept whole on report.translations.v1, through the revision kit's
 * {@link HistoryEndpoints}: its revisions, the text at any revision, a diff between two, and
 * restoring an old revision. Reads are public, like the chapters' history.
 */
@RestController
@RequestMapping("/api/editions/{edition}/chapters/{slug}/translations/{language}")
@Tag(name = "translation history", description = "Revisions of a translation: list, read, compare, restore")
public class TranslationHistoryController {

    private final HistoryEndpoints<TranslationChanged, TranslationState, TranslationText> history;
    private final TranslationWrites writes;
    private final TranslationViews views;

    TranslationHistoryController(TranslationBook book, TranslationWrites writes, TranslationViews views, ChapterProperties limits) {
        this.history = new HistoryEndpoints<>(book, (edition, id) -> TranslationRules.checkId(edition, id, limits));
        this.writes = writes;
        this.views = views;
    }

    @GetMapping("/revisions")
    @Operation(summary = "The revisions of a translation, a page at a time, oldest first",
            description = "Paged like a chapter's revisions (limit, before, a Link header to the older page).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = RevisionSummary.class))))
    @ApiResponse(responseCode = "404", description = "The translation never existed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ResponseEntity<List<RevisionSummary>> revisions(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug, @Parameter(example = "en") @PathVariable String language,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String before, ServerWebExchange exchange) {
        return history.page(edition, TranslationBook.id(slug, language), limit, before, exchange);
    }

    @GetMapping("/revisions/{revision}")
    @Operation(summary = "The translation as it was at one revision (its text, the source revision it translated, its translator team)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = TranslationText.class)))
    @ApiResponse(responseCode = "404", description = "No such translation or revision",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "410", description = "That revision deleted the translation",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<TranslationText> revision(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug, @Parameter(example = "en") @PathVariable String language,
            @Parameter(example = "1") @PathVariable String revision) {
        return history.revision(edition, TranslationBook.id(slug, language), revision);
    }

    @GetMapping("/diff")
    @Operation(summary = "What changed between two revisions of the translation (title and body line by line)",
            description = "Without parameters: the last change. For what changed in the source since the translated revision, "
                    + "ask the chapter's diff: .../chapters/{slug}/diff?from={sourceRevision}&to={chapterRevision}.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = RevisionDiff.class)))
    @ApiResponse(responseCode = "404", description = "No such translation or revision",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<RevisionDiff> diff(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug, @Parameter(example = "en") @PathVariable String language,
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        return history.diff(edition, TranslationBook.id(slug, language), from, to);
    }

    @PostMapping("/revisions/{revision}/restore")
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Make an old revision's text current again, as a new revision",
            description = "Title, body and the source revision it translated come from that revision; the translator team "
                    + "stays. If-Match is optional (checked when sent). A deleted translation comes back (201).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Translation.class)))
    @ApiResponse(responseCode = "201", description = "A deleted translation brought back",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Translation.class)))
    @ApiResponse(responseCode = "400", description = "That revision is a deletion",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "Not the chapter's team, the translator team or an admin",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Translation>> restore(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug, @Parameter(example = "en") @PathVariable String language,
            @Parameter(example = "1") @PathVariable String revision, Caller caller, ServerWebExchange exchange) {
        return history.restore(edition, TranslationBook.id(slug, language), revision, caller, exchange, writes::restore, views::answer);
    }
}
