package org.reportplatform.content.chapters;

import org.reportplatform.platform.chapters.ChapterChecks;
import org.reportplatform.platform.chapters.ChapterProperties;
import static org.reportplatform.content.openapi.ApiExamples.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.reportplatform.content.openapi.Problem;
import org.reportplatform.content.references.KnownReferences;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.log.OffEventLoop;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.Written;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The chapters API: {@code /api/editions/{edition}/chapters}. Reads are public; writes need a token. */
@RestController
@RequestMapping("/api/editions/{edition}/chapters")
@Tag(name = "chapters", description = "The chapters of an edition: owned by teams, in report order, revisioned")
public class ChapterController {

    private final ChapterBook book;
    private final ChapterWrites writes;
    private final ChapterProperties limits;
    private final KnownReferences references;

    public ChapterController(ChapterBook book, ChapterWrites writes, ChapterProperties limits, KnownReferences references) {
        this.book = book;
        this.writes = writes;
        this.limits = limits;
        this.references = references;
    }

    @GetMapping
    @Operation(summary = "The chapters of an edition, in report order")
    @ApiResponse(responseCode = "200", description = "Positions are 1..n",
            content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = Chapter.class)),
                    examples = @ExampleObject(name = "rapport 2024", value = CHAPTER_LIST)))
    public List<Chapter> list(@Parameter(example = EDITION) @PathVariable String edition) {
        ChapterChecks.checkPath(edition, null, limits.maxSlugLength());
        return book.chapters(edition);
    }

    @GetMapping("/{slug}")
    @Operation(summary = "One chapter as it is now", description = "The ETag is its revision: send it back in If-Match to change it.")
    @ApiResponse(responseCode = "200", headers = @Header(name = "ETag", description = "the revision, e.g. \"3\""),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Chapter.class),
                    examples = @ExampleObject(name = "enfants", value = CHAPTER)))
    @ApiResponse(responseCode = "404", description = "No such chapter (or it was deleted)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_404)))
    public ResponseEntity<Chapter> get(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug) {
        ChapterChecks.checkPath(edition, slug, limits.maxSlugLength());
        Chapter chapter = book.requireCurrent(edition, slug);
        return ResponseEntity.ok().eTag(chapter.etag()).body(chapter);
    }

    @PutMapping("/{slug}")
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Create (If-None-Match: *) or update (If-Match: \"<revision>\") a chapter",
            description = "An admin creates chapters and assigns their owner team, position and language; the owning team "
                    + "(or an admin) edits title and body. Each accepted change is one event on report.chapters.v1, answered "
                    + "once Kafka committed it. References to unknown indicators or datasets are accepted and returned as warnings.",
            parameters = {
                    @Parameter(name = "If-Match", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER,
                            description = "the revision the change is based on; required to change an existing chapter",
                            schema = @Schema(type = "string"), example = ETAG),
                    @Parameter(name = "If-None-Match", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER,
                            description = "* to create a chapter that must not exist yet", schema = @Schema(type = "string"), example = "\"*\"")})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = JSON, examples = {
            @ExampleObject(name = "update by the team", value = UPDATE_REQUEST),
            @ExampleObject(name = "create by an admin", value = CREATE_REQUEST)}))
    @ApiResponse(responseCode = "200", description = "Updated",
            headers = @Header(name = "ETag", description = "the new revision"),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = WrittenChapter.class), examples = {
                    @ExampleObject(name = "updated", value = CHAPTER),
                    @ExampleObject(name = "updated, with warnings", value = CHAPTER_WITH_WARNINGS)}))
    @ApiResponse(responseCode = "201", description = "Created",
            headers = @Header(name = "ETag", description = "\"1\""),
            content = @Content(mediaType = JSON, schema = @Schema(implementation = WrittenChapter.class),
                    examples = @ExampleObject(name = "created", value = CREATED)))
    @ApiResponse(responseCode = "400", description = "Invalid request: every bad field is named",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_400)))
    @ApiResponse(responseCode = "401", description = "No or unknown token",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_401)))
    @ApiResponse(responseCode = "403", description = "The chapter belongs to another team, or the change needs an admin",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_403)))
    @ApiResponse(responseCode = "409", description = "The edition requires review: a team changes title and body through an approved draft",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names a revision that is not the current one",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_412)))
    @ApiResponse(responseCode = "428", description = "If-Match is missing on an existing chapter",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_428)))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge: nothing was saved; retry",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_503)))
    public Mono<ResponseEntity<WrittenChapter>> put(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug,
            @RequestBody(required = false) ChapterRequest request, Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> writes.put(edition, slug, request, preconditions, caller))
                .map(written -> WrittenChapter.answer(written, references));
    }

    @PostMapping("/{slug}/move")
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Move a chapter to another place in the report (admin)",
            description = "The chapters in between shift by one so positions stay 1..n; each renumbered chapter gets a "
                    + "revision of its own, all in one Kafka transaction. A position past the end moves the chapter to the "
                    + "end. If-Match is optional; when sent it must be the chapter's current revision.",
            parameters = @Parameter(name = "If-Match", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER,
                    description = "optional: the revision the move is based on", schema = @Schema(type = "string"), example = ETAG))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = JSON,
            examples = @ExampleObject(name = "to the top", value = MOVE_REQUEST)))
    @ApiResponse(responseCode = "200", description = "The moved chapter (ETag: its new revision)",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Chapter.class),
                    examples = @ExampleObject(name = "moved", value = MOVED)))
    @ApiResponse(responseCode = "400", description = "Position missing or below 1",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_400_POSITION)))
    @ApiResponse(responseCode = "403", description = "Only an admin changes the order",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_403_ORDER)))
    @ApiResponse(responseCode = "404", description = "No such chapter",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_404)))
    @ApiResponse(responseCode = "412", description = "If-Match sent and stale",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_412)))
    public Mono<ResponseEntity<Chapter>> move(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug,
            @RequestBody(required = false) MoveRequest request, Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> writes.move(edition, slug, request, preconditions, caller))
                .map(Written::answer);
    }

    @DeleteMapping("/{slug}")
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Remove a chapter from the report (admin, If-Match required)",
            description = "Its history stays: it can be listed, and an admin can bring the chapter back by restoring a revision.",
            parameters = @Parameter(name = "If-Match", in = io.swagger.v3.oas.annotations.enums.ParameterIn.HEADER,
                    required = true, schema = @Schema(type = "string"), example = ETAG))
    @ApiResponse(responseCode = "204", description = "Deleted; the chapters after it move up")
    @ApiResponse(responseCode = "403", description = "Only an admin deletes",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_403_DELETE)))
    @ApiResponse(responseCode = "412", description = "Stale If-Match",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_412)))
    @ApiResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_428)))
    public Mono<ResponseEntity<Void>> delete(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug, Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> {
            writes.delete(edition, slug, preconditions, caller);
            return ResponseEntity.noContent().<Void>build();
        });
    }

}
