package org.reportplatform.content.chapters;

import org.reportplatform.platform.chapters.ChapterChecks;
import org.reportplatform.platform.chapters.ChapterProperties;
import static org.reportplatform.content.openapi.ApiExamples.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
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
import org.reportplatform.platform.revisions.HistoryEndpoints;
import org.reportplatform.platform.revisions.RevisionDiff;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
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
 * A chapter's history, kept whole on report.chapters.v1: its revisions (who, when, what
 * changed), the chapter at any revision, a diff between two, and restoring an old revision.
 * Reads are public, like the chapters; a deleted chapter keeps its history.
 */
@RestController
@RequestMapping("/api/editions/{edition}/chapters/{slug}")
@Tag(name = "history", description = "Revisions of a chapter: list, read, compare, restore")
public class ChapterHistoryController {

    private final HistoryEndpoints<ChapterChanged, ChapterState, Chapter> history;
    private final ChapterWrites writes;
    private final KnownReferences references;

    public ChapterHistoryController(ChapterBook book, ChapterWrites writes, ChapterProperties limits, KnownReferences references) {
        this.history = new HistoryEndpoints<>(book, (edition, slug) -> ChapterChecks.checkPath(edition, slug, limits.maxSlugLength()));
        this.writes = writes;
        this.references = references;
    }

    @GetMapping("/revisions")
    @Operation(summary = "The revisions of a chapter, a page at a time, oldest first",
            description = "Each names the fields that differ from the revision before it (all of them for the creation, "
                    + "none for a deletion, which is flagged deleted). Renumbering by a move or a delete is a revision too. "
                    + "A page holds the `limit` newest revisions before `before` (default: the 100 newest), oldest first; "
                    + "when there are older ones, the `Link` header names the next page: `<...?before=n&limit=k>; rel=\"next\"`.")
    @ApiResponse(responseCode = "200",
            headers = @Header(name = "Link", description = "the next page (older revisions), when there is one",
                    example = "</api/editions/2024/chapters/enfants/revisions?before=151&limit=100>; rel=\"next\""),
            content = @Content(mediaType = JSON,
            array = @ArraySchema(schema = @Schema(implementation = RevisionSummary.class)),
            examples = @ExampleObject(name = "enfants", value = REVISIONS)))
    @ApiResponse(responseCode = "400", description = "limit or before is not a valid number",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "The chapter never existed",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_404)))
    public ResponseEntity<List<RevisionSummary>> revisions(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug,
            @Parameter(description = "how many revisions a page lists: 1 to 1000, default 100", example = "100",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "1000")) @RequestParam(required = false) String limit,
            @Parameter(description = "list the revisions before this one (from a next link); default: the newest", example = "151",
                    schema = @Schema(type = "integer", minimum = "1")) @RequestParam(required = false) String before,
            ServerWebExchange exchange) {
        return history.page(edition, slug, limit, before, exchange);
    }

    @GetMapping("/revisions/{revision}")
    @Operation(summary = "The whole chapter as it was at one revision",
            description = "An older revision is read back from report.chapters.v1 (memory keeps only its summary).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Chapter.class),
            examples = @ExampleObject(name = "revision 1", value = CHAPTER_AT_1)))
    @ApiResponse(responseCode = "404", description = "No such chapter or revision",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_404_REVISION)))
    @ApiResponse(responseCode = "410", description = "That revision deleted the chapter: it has no content",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_410)))
    @ApiResponse(responseCode = "503", description = "Kafka did not return the revision in time",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_503_READ)))
    public Mono<Chapter> revision(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug,
            @Parameter(example = "1", schema = @Schema(type = "integer", minimum = "1")) @PathVariable String revision) {
        return history.revision(edition, slug, revision);
    }

    @GetMapping("/diff")
    @Operation(summary = "What changed between two revisions",
            description = "changed names every field that differs; diff is a line-based unified diff of title and body "
                    + "(one section per field that differs; a deleted revision counts as empty text). Without parameters: "
                    + "the last change. from may be after to (the diff then goes backwards).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = RevisionDiff.class),
            examples = @ExampleObject(name = "1 to 3", value = DIFF)))
    @ApiResponse(responseCode = "404", description = "No such chapter or revision",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_404_REVISION)))
    @ApiResponse(responseCode = "503", description = "Kafka did not return the revisions in time",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_503_READ)))
    public Mono<RevisionDiff> diff(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug,
            @Parameter(description = "the older revision; default: the one before to", example = "1",
                    schema = @Schema(type = "integer", minimum = "1")) @RequestParam(required = false) String from,
            @Parameter(description = "the newer revision; default: the current one", example = "3",
                    schema = @Schema(type = "integer", minimum = "1")) @RequestParam(required = false) String to) {
        return history.diff(edition, slug, from, to);
    }

    @PostMapping("/revisions/{revision}/restore")
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Make an old revision's content current again, as a new revision",
            description = "Title, body and language come from that revision; position and owner team stay. It is an "
                    + "explicit choice of content, so If-Match is not needed (when sent, it must be current). The owning "
                    + "team or an admin may restore. A deleted chapter comes back with that revision's content, owner team "
                    + "and place (admin only: it re-creates the chapter; 201). Restoring the current content changes nothing.",
            parameters = @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "optional", schema = @Schema(type = "string"), example = ETAG))
    @ApiResponse(responseCode = "200", description = "Restored (ETag: the new revision)",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = WrittenChapter.class),
                    examples = @ExampleObject(name = "revision 1 restored", value = RESTORED)))
    @ApiResponse(responseCode = "201", description = "A deleted chapter brought back into the report",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = WrittenChapter.class)))
    @ApiResponse(responseCode = "400", description = "That revision is a deletion, or its content breaks today's limits",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_400_RESTORE)))
    @ApiResponse(responseCode = "403", description = "Another team's chapter, or a deleted chapter and not an admin",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_403)))
    @ApiResponse(responseCode = "404", description = "No such chapter or revision",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class), examples = @ExampleObject(value = PROBLEM_404_REVISION)))
    public Mono<ResponseEntity<WrittenChapter>> restore(@Parameter(example = EDITION) @PathVariable String edition,
            @Parameter(example = "enfants") @PathVariable String slug,
            @Parameter(example = "1", schema = @Schema(type = "integer", minimum = "1")) @PathVariable String revision,
            Caller caller, ServerWebExchange exchange) {
        return history.restore(edition, slug, revision, caller, exchange, writes::restore,
                written -> WrittenChapter.answer(written, references));
    }
}
