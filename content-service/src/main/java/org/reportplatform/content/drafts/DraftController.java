package org.reportplatform.content.drafts;

import static org.reportplatform.content.openapi.ApiExamples.BEARER;
import static org.reportplatform.content.openapi.ApiExamples.EDITION;
import static org.reportplatform.content.openapi.ApiExamples.JSON;
import static org.reportplatform.content.openapi.ApiExamples.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.reportplatform.content.chapters.Chapter;
import org.reportplatform.content.translations.Translation;
import org.reportplatform.content.openapi.Problem;
import org.reportplatform.platform.log.OffEventLoop;
import org.reportplatform.platform.revisions.AtRevision;
import org.reportplatform.platform.revisions.HistoryEndpoints;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.RevisionDiff;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.DraftState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The drafts API: a chapter's working draft ({@code /api/editions/{edition}/chapters/{slug}/draft})
 * and the draft of one of its translations ({@code .../chapters/{slug}/translations/{language}/draft}),
 * the same verbs and bodies for both; their review and (scheduled) publication, and the open
 * drafts of an edition. Nothing here is public: every request needs a token or a session.
 */
@RestController
@RequestMapping("/api/editions/{edition}")
@SecurityRequirement(name = BEARER)
@Tag(name = "drafts", description = "Working drafts of chapters and of their translations: never public until published; reviewed, published now or at a time")
public class DraftController {

    private static final String DRAFT = "/chapters/{slug}/draft";
    private static final String TRANSLATION_DRAFT = "/chapters/{slug}/translations/{language}/draft";

    private final DraftKinds kinds;
    private final HistoryEndpoints<DraftChanged, DraftState, Draft> history;

    public DraftController(DraftKinds kinds, DraftBook book) {
        this.kinds = kinds;
        this.history = new HistoryEndpoints<>(book, (edition, id) -> {
            DraftKey key = DraftKey.parse(edition + "/" + id);
            kinds.of(key).checkPath(key);
        });
    }

    @GetMapping("/drafts")
    @Operation(summary = "The open drafts the caller may read, in report order",
            description = "scheduled=true lists only the drafts with a scheduled publication (the publication calendar); "
                    + "translations=true the drafts of translations instead of the chapters' own.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = Draft.class))))
    public Mono<List<Draft>> list(@Parameter(example = EDITION) @PathVariable String edition,
            @RequestParam(defaultValue = "false") boolean scheduled, @RequestParam(defaultValue = "false") boolean translations,
            Caller caller) {
        return OffEventLoop.call(() -> kinds.list(edition, scheduled, translations, caller));
    }

    @GetMapping({DRAFT, TRANSLATION_DRAFT})
    @Operation(summary = "The chapter's open draft (its team, reviewers, admins)", description = "The ETag is the draft's revision.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Draft.class)))
    @ApiResponse(responseCode = "403", description = "Not the chapter's team, a reviewer or an admin", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No open draft", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Draft>> get(@PathVariable String edition, @PathVariable String slug,
            @PathVariable(required = false) String language, Caller caller) {
        DraftKey key = new DraftKey(edition, slug, language);
        return OffEventLoop.call(() -> kinds.of(key).get(key, caller)).map(draft -> ResponseEntity.ok().eTag(draft.etag()).body(draft));
    }

    @PutMapping({DRAFT, TRANSLATION_DRAFT})
    @Operation(summary = "Start (If-None-Match: *) or change (If-Match) the chapter's draft",
            description = "Same rules on title and body as the chapter. After merging a publish conflict, send baseRevision = the "
                    + "chapter's current revision. Changing the text of an approved draft withdraws the approval.",
            parameters = {
                    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "the draft revision the change is based on",
                            schema = @Schema(type = "string")),
                    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "* to start a draft", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "200", description = "Changed", content = @Content(mediaType = JSON, schema = @Schema(implementation = Draft.class)))
    @ApiResponse(responseCode = "201", description = "Started", content = @Content(mediaType = JSON, schema = @Schema(implementation = Draft.class)))
    @ApiResponse(responseCode = "409", description = "baseRevision is not the chapter's current revision", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = "Stale If-Match, or a draft is already open", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Draft>> put(@PathVariable String edition, @PathVariable String slug,
            @PathVariable(required = false) String language,
            @RequestBody(required = false) DraftRequest request, Caller caller, ServerWebExchange exchange) {
        DraftKey key = new DraftKey(edition, slug, language);
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> kinds.of(key).put(key, request, preconditions, caller)).map(Written::answer);
    }

    @DeleteMapping({DRAFT, TRANSLATION_DRAFT})
    @Operation(summary = "Discard the draft (If-Match required)")
    @ApiResponse(responseCode = "204", description = "Discarded: the chapter stays as published")
    public Mono<ResponseEntity<Void>> discard(@PathVariable String edition, @PathVariable String slug,
            @PathVariable(required = false) String language, Caller caller,
            ServerWebExchange exchange) {
        DraftKey key = new DraftKey(edition, slug, language);
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> {
            kinds.of(key).discard(key, preconditions, caller);
            return ResponseEntity.noContent().<Void>build();
        });
    }

    @PostMapping({DRAFT + ":submit", TRANSLATION_DRAFT + ":submit"})
    @Operation(summary = "Submit the draft for review (its team, admins)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Draft.class)))
    public Mono<ResponseEntity<Draft>> submit(@PathVariable String edition, @PathVariable String slug,
            @PathVariable(required = false) String language,
            @RequestBody(required = false) ReviewRequest request, Caller caller, ServerWebExchange exchange) {
        DraftKey key = new DraftKey(edition, slug, language);
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return answer(OffEventLoop.call(() -> kinds.of(key).submit(key, request, preconditions, caller)));
    }

    @PostMapping({DRAFT + ":approve", TRANSLATION_DRAFT + ":approve"})
    @Operation(summary = "Approve the draft revision named by If-Match (reviewers, admins; not its last author)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Draft.class)))
    @ApiResponse(responseCode = "403", description = "Not a reviewer, or the caller wrote the current text: someone else must approve",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Draft>> approve(@PathVariable String edition, @PathVariable String slug,
            @PathVariable(required = false) String language,
            @RequestBody(required = false) ReviewRequest request, Caller caller, ServerWebExchange exchange) {
        DraftKey key = new DraftKey(edition, slug, language);
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return answer(OffEventLoop.call(() -> kinds.of(key).approve(key, request, preconditions, caller)));
    }

    @PostMapping({DRAFT + ":request-changes", TRANSLATION_DRAFT + ":request-changes"})
    @Operation(summary = "Send the draft back to its team with a comment (reviewers, admins)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Draft.class)))
    @ApiResponse(responseCode = "400", description = "comment missing", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Draft>> requestChanges(@PathVariable String edition, @PathVariable String slug,
            @PathVariable(required = false) String language,
            @RequestBody(required = false) ReviewRequest request, Caller caller, ServerWebExchange exchange) {
        DraftKey key = new DraftKey(edition, slug, language);
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return answer(OffEventLoop.call(() -> kinds.of(key).requestChanges(key, request, preconditions, caller)));
    }

    @PostMapping({DRAFT + ":publish", TRANSLATION_DRAFT + ":publish"})
    @Operation(summary = "Publish the draft now: the chapter's next revision and the draft closed, in one transaction",
            description = "Answers the chapter as GET /chapters/{slug} gives it. If-Match optional (checked when sent).")
    @ApiResponse(responseCode = "200", description = "The chapter as GET /chapters/{slug} gives it; for a translation's draft the translation "
            + "as GET /chapters/{slug}/translations/{language} gives it", content = @Content(mediaType = JSON,
            schema = @Schema(oneOf = {Chapter.class, Translation.class})))
    @ApiResponse(responseCode = "409", description = "Review required and not approved (field review), or the chapter changed since "
            + "baseRevision: then draft, published and base hold the three versions to merge",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<AtRevision>> publish(@PathVariable String edition, @PathVariable String slug,
            @PathVariable(required = false) String language, Caller caller,
            ServerWebExchange exchange) {
        DraftKey key = new DraftKey(edition, slug, language);
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> kinds.of(key).publish(key, preconditions, caller))
                .map(published -> ResponseEntity.ok().eTag(published.etag()).<AtRevision>body(published));
    }

    @PostMapping({DRAFT + ":schedule", TRANSLATION_DRAFT + ":schedule"})
    @Operation(summary = "Publish the draft at a time (its team, admins)",
            description = "at: a local date-time with timeZone, or an offset date-time. A time a zone skips or repeats is refused "
                    + "(400) with the two times it could mean in candidates.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Draft.class)))
    @ApiResponse(responseCode = "400", description = "at or timeZone missing, unreadable, ambiguous or past",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Draft>> schedule(@PathVariable String edition, @PathVariable String slug,
            @PathVariable(required = false) String language,
            @RequestBody(required = false) ScheduleRequest request, Caller caller, ServerWebExchange exchange) {
        DraftKey key = new DraftKey(edition, slug, language);
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return answer(OffEventLoop.call(() -> kinds.of(key).schedule(key, request, preconditions, caller)));
    }

    @PostMapping({DRAFT + ":unschedule", TRANSLATION_DRAFT + ":unschedule"})
    @Operation(summary = "Cancel the draft's scheduled publication (the draft stays)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Draft.class)))
    public Mono<ResponseEntity<Draft>> unschedule(@PathVariable String edition, @PathVariable String slug,
            @PathVariable(required = false) String language, Caller caller,
            ServerWebExchange exchange) {
        DraftKey key = new DraftKey(edition, slug, language);
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return answer(OffEventLoop.call(() -> kinds.of(key).unschedule(key, preconditions, caller)));
    }

    @GetMapping({DRAFT + "/revisions", TRANSLATION_DRAFT + "/revisions"})
    @Operation(summary = "The revisions of the chapter's drafts, oldest first (who, when, what changed), across successive drafts",
            description = "Readers of the draft only. Paged like a chapter's history (limit, before, Link: rel=next).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = RevisionSummary.class))))
    public ResponseEntity<List<RevisionSummary>> revisions(@PathVariable String edition, @PathVariable String slug,
            @PathVariable(required = false) String language,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String before, Caller caller,
            ServerWebExchange exchange) {
        DraftKey key = new DraftKey(edition, slug, language);
        kinds.of(key).checkMayRead(key, caller);
        return history.page(edition, key.id(), limit, before, exchange);
    }

    @GetMapping({DRAFT + "/diff", TRANSLATION_DRAFT + "/diff"})
    @Operation(summary = "What changed between two draft revisions (by default the last change); readers of the draft only")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = RevisionDiff.class)))
    public Mono<RevisionDiff> diff(@PathVariable String edition, @PathVariable String slug,
            @PathVariable(required = false) String language, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Caller caller) {
        DraftKey key = new DraftKey(edition, slug, language);
        kinds.of(key).checkMayRead(key, caller);
        return history.diff(edition, key.id(), from, to);
    }

    private static Mono<ResponseEntity<Draft>> answer(Mono<Draft> draft) {
        return draft.map(d -> ResponseEntity.ok().eTag(d.etag()).body(d));
    }
}
