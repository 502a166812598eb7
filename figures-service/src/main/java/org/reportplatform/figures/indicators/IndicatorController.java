package org.reportplatform.figures.indicators;

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
import org.reportplatform.figures.api.ApiDocs;
import org.reportplatform.figures.api.DryRuns;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.log.OffEventLoop;
import org.reportplatform.platform.revisions.HistoryEndpoints;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The indicators API: {@code /api/editions/{edition}/indicators}. Reads are public; writes need a
 * token. The bulk import is a custom method on the collection, {@code .../indicators:import}: its
 * last segment is the literal {@code indicators:import}, so it never meets {@code .../indicators/{id}}
 * (which has one more segment, and whose ids cannot hold a colon). The paths are spelled out on
 * each method for that reason: a class-level prefix would put a slash before {@code :import}.
 */
@RestController
@Tag(name = "indicators", description = "Key figures of an edition: typed, exact values, owned by a team, revisioned")
public class IndicatorController {

    static final String COLLECTION = "/api/editions/{edition}/indicators";
    static final String ONE = COLLECTION + "/{id}";
    static final String IMPORT = COLLECTION + ":import";

    private final IndicatorBook book;
    private final HistoryEndpoints<IndicatorChanged, IndicatorState, Indicator> history;
    private final IndicatorWrites writes;
    private final IndicatorImport imports;

    public IndicatorController(IndicatorBook book, IndicatorWrites writes, IndicatorImport imports) {
        this.book = book;
        this.history = new HistoryEndpoints<>(book, IndicatorWrites::checkPath);
        this.writes = writes;
        this.imports = imports;
    }

    @GetMapping(COLLECTION)
    @Operation(operationId = "listIndicators", summary = "List the indicators of an edition", description = "Sorted by id. Public.")
    public List<Indicator> list(@Parameter(example = "2024") @PathVariable String edition) {
        IndicatorWrites.checkPath(edition, null);
        return book.indicators(edition);
    }

    @GetMapping(ONE)
    @Operation(operationId = "getIndicator", summary = "Read one indicator", description = "Public. The ETag is the revision: send it back in If-Match to change the indicator.")
    @ApiResponse(responseCode = "200", description = "the indicator",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = Indicator.class), examples = @ExampleObject(value = ApiDocs.INDICATOR)))
    @ApiResponse(responseCode = "404", description = "no such indicator", content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<Indicator> get(@Parameter(example = "2024") @PathVariable String edition,
            @Parameter(example = "sos-defenders.cases") @PathVariable String id) {
        IndicatorWrites.checkPath(edition, id);
        Indicator indicator = book.requireCurrent(edition, id);
        return ResponseEntity.ok().eTag(indicator.etag()).body(indicator);
    }

    @PutMapping(ONE)
    @Operation(operationId = "putIndicator", summary = "Create or replace an indicator",
            description = "Create (admin only, with ownerTeam) with If-None-Match: *; change with If-Match: \"<revision>\" "
                    + "(the owning team or an admin; ownerTeam changes are admin only). A PUT that changes nothing "
                    + "publishes no event and answers 200 with the current revision.",
            security = @SecurityRequirement(name = ApiDocs.BEARER))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IndicatorRequest.class), examples = {
                    @ExampleObject(name = "integer", value = ApiDocs.INDICATOR_PUT),
                    @ExampleObject(name = "money", value = ApiDocs.INDICATOR_PUT_MONEY),
                    @ExampleObject(name = "percentage", value = ApiDocs.INDICATOR_PUT_PERCENTAGE)}))
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "the revision you edited, e.g. \"3\"; required to change an existing indicator")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "* to create an indicator that must not exist yet")
    @ApiResponse(responseCode = "200", description = "changed (or unchanged)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Indicator.class)))
    @ApiResponse(responseCode = "201", description = "created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Indicator.class)))
    @ApiResponse(responseCode = "400", description = "invalid field(s), each named in errors[]", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ApiDocs.PROBLEM_PERCENTAGE)))
    @ApiResponse(responseCode = "403", description = "not your team's figure, or a creation by a team", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "412", description = "If-Match is not the current revision (currentRevision given)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "428", description = "If-Match missing for an existing indicator", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge: nothing was saved", content = @Content(mediaType = "application/problem+json"))
    @Parameter(name = "dryRun", in = ParameterIn.QUERY, description = "true: the same checks and refusals, nothing written; "
            + "200 with the indicator as it would be, at its current revision")
    public Mono<ResponseEntity<Indicator>> put(@PathVariable String edition, @PathVariable String id,
            @RequestBody(required = false) IndicatorRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
            Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        if (dryRun) {
            return OffEventLoop.call(() -> writes.putDryRun(edition, id, request, preconditions, caller)).map(DryRuns::answer);
        }
        return OffEventLoop.call(() -> writes.put(edition, id, request, preconditions, caller)).map(Written::answer);
    }

    @DeleteMapping(ONE)
    @Operation(operationId = "deleteIndicator", summary = "Delete an indicator", description = "Admin only; If-Match with the current revision is required. "
            + "The delete is itself a revision (an event without state).", security = @SecurityRequirement(name = ApiDocs.BEARER))
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = "the current revision, e.g. \"3\"")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "403", description = "not an admin", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no such indicator", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "412", description = "If-Match is not the current revision", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "428", description = "If-Match missing", content = @Content(mediaType = "application/problem+json"))
    public Mono<ResponseEntity<Void>> delete(@PathVariable String edition, @PathVariable String id, Caller caller,
            ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> {
            writes.delete(edition, id, preconditions, caller);
            return ResponseEntity.noContent().<Void>build();
        });
    }

    @PostMapping(path = IMPORT, consumes = "text/csv")
    @Operation(operationId = "importIndicators", summary = "Import indicators from CSV (all or nothing)",
            description = "Header row; id and value required; type, label, unit, period, source, currency, ownerTeam, revision optional. "
                    + "An absent column keeps the current value. New indicators need type, label and ownerTeam and an admin token; "
                    + "a team may only import its own figures. The whole file is checked first: if any row is wrong nothing "
                    + "is written and every wrong row is listed (400, or 403 when only permissions are wrong). Otherwise "
                    + "each changed indicator becomes one event, unchanged ones none, all in one Kafka transaction.",
            security = @SecurityRequirement(name = ApiDocs.BEARER))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string"), examples = {
                    @ExampleObject(name = "values only", value = ApiDocs.IMPORT_CSV_VALUES),
                    @ExampleObject(name = "every column", value = ApiDocs.IMPORT_CSV_FULL)}))
    @ApiResponse(responseCode = "200", description = "imported", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = IndicatorImport.Result.class), examples = @ExampleObject(value = ApiDocs.IMPORT_RESULT)))
    @ApiResponse(responseCode = "400", description = "nothing imported: every wrong row is listed", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ApiDocs.PROBLEM_IMPORT)))
    @ApiResponse(responseCode = "403", description = "nothing imported: rows your token may not write", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "body larger than report.figures.max-body-size (5 MB)", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "415", description = "Content-Type is not text/csv", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "412", description = "basis given and an indicator of the file changed since that dry run", content = @Content(mediaType = "application/problem+json"))
    public Mono<Object> importCsv(@Parameter(example = "2024") @PathVariable String edition,
            @RequestBody(required = false) String csv,
            @Parameter(description = "true: the same checks and refusals, nothing written; 200 with every row's change "
                    + "and a basis (IndicatorImportDryRun)") @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(description = "a dry run's basis: 412 if an indicator of the file changed since") @RequestParam(required = false) String basis,
            Caller caller) {
        if (dryRun) {
            return OffEventLoop.call(() -> imports.dryRun(edition, csv, caller));
        }
        return OffEventLoop.call(() -> imports.importCsv(edition, csv, basis, caller));
    }

    @GetMapping(ONE + "/revisions")
    @Operation(operationId = "listIndicatorRevisions", summary = "The revisions of an indicator, a page at a time, oldest first",
            description = "Public. Who made each change, when, and which fields differ from the revision before (all of them "
                    + "for a creation or a return after a deletion, none for a deletion, which is flagged deleted). "
                    + "A deleted indicator keeps its history. A page holds the `limit` newest revisions before `before` "
                    + "(default: the 100 newest), oldest first; when there are older ones, the `Link` header names the "
                    + "next page: `<...?before=n&limit=k>; rel=\"next\"`.")
    @ApiResponse(responseCode = "200", description = "the revisions",
            headers = @Header(name = "Link", description = "the next page (older revisions), when there is one"),
            content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = RevisionSummary.class))))
    @ApiResponse(responseCode = "400", description = "limit or before is not a valid number", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "the indicator never existed", content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<List<RevisionSummary>> revisions(@Parameter(example = "2024") @PathVariable String edition,
            @Parameter(example = "sos-defenders.cases") @PathVariable String id,
            @Parameter(description = "how many revisions a page lists: 1 to 1000, default 100", example = "100",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "1000")) @RequestParam(required = false) String limit,
            @Parameter(description = "list the revisions before this one (from a next link); default: the newest", example = "151",
                    schema = @Schema(type = "integer", minimum = "1")) @RequestParam(required = false) String before,
            ServerWebExchange exchange) {
        return history.page(edition, id, limit, before, exchange);
    }

    @GetMapping(ONE + "/revisions/{revision}")
    @Operation(operationId = "getIndicatorRevision", summary = "The indicator as it was at one revision",
            description = "Public. An older revision is read back from the topic (memory keeps only its summary).")
    @ApiResponse(responseCode = "200", description = "the indicator at that revision", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Indicator.class)))
    @ApiResponse(responseCode = "404", description = "no such indicator or revision", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "410", description = "that revision deleted the indicator: it has no content", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka did not return an older revision in time", content = @Content(mediaType = "application/problem+json"))
    public Mono<Indicator> revision(@Parameter(example = "2024") @PathVariable String edition,
            @Parameter(example = "sos-defenders.cases") @PathVariable String id,
            @Parameter(example = "1", schema = @Schema(type = "integer", minimum = "1")) @PathVariable String revision) {
        return history.revision(edition, id, revision);
    }

    @PostMapping(ONE + "/revisions/{revision}/restore")
    @Operation(operationId = "restoreIndicatorRevision", summary = "Make an old revision's content current again, as a new revision",
            description = "Label, type, value, currency, unit, period and source come from that revision. "
                    + "It is an explicit choice of content, so If-Match is not needed (when sent, it must be the current revision). "
                    + "The owning team or an admin may restore; the owner team stays. A deleted indicator comes back with that "
                    + "revision's content and owner team (admin only: it re-creates the indicator; 201). The content is checked "
                    + "like a PUT; restoring the current content publishes nothing.",
            security = @SecurityRequirement(name = ApiDocs.BEARER))
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "optional: the current revision, e.g. \"3\"")
    @ApiResponse(responseCode = "200", description = "restored (ETag: the new revision)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Indicator.class)))
    @ApiResponse(responseCode = "201", description = "a deleted indicator brought back", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Indicator.class)))
    @ApiResponse(responseCode = "400", description = "that revision is a deletion, or its content breaks today's rules", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "another team's indicator, or a deleted indicator and not an admin", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no such indicator or revision", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "412", description = "If-Match sent and not the current revision", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge: nothing was saved", content = @Content(mediaType = "application/problem+json"))
    public Mono<ResponseEntity<Indicator>> restore(@Parameter(example = "2024") @PathVariable String edition,
            @Parameter(example = "sos-defenders.cases") @PathVariable String id,
            @Parameter(example = "1", schema = @Schema(type = "integer", minimum = "1")) @PathVariable String revision,
            Caller caller, ServerWebExchange exchange) {
        return history.restore(edition, id, revision, caller, exchange, writes::restore);
    }
}
