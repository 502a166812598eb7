package org.reportplatform.figures.datasets;

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
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.DatasetState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
 * The datasets API: {@code /api/editions/{edition}/datasets}. Reads are public; writes need a
 * token. The CSV import of one dataset's rows is the custom method {@code .../datasets/{id}:import}
 * (POST only; a PUT to an id with a colon is refused as an invalid id).
 */
@RestController
@RequestMapping("/api/editions/{edition}/datasets")
@Tag(name = "datasets", description = "Small tables that charts and tables are drawn from: typed columns, exact cells")
public class DatasetController {

    private final DatasetBook book;
    private final HistoryEndpoints<DatasetChanged, DatasetState, Dataset> history;
    private final DatasetWrites writes;

    public DatasetController(DatasetBook book, DatasetWrites writes) {
        this.book = book;
        this.history = new HistoryEndpoints<>(book, DatasetRules::checkPath);
        this.writes = writes;
    }

    @GetMapping
    @Operation(operationId = "listDatasets", summary = "List the datasets of an edition", description = "Sorted by id. Public.")
    public List<Dataset> list(@Parameter(example = "2024") @PathVariable String edition) {
        DatasetRules.checkPath(edition, null);
        return book.datasets(edition);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getDataset", summary = "Read one dataset", description = "Public. Cells come back as exact strings; the ETag is the revision.")
    @ApiResponse(responseCode = "200", description = "the dataset", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Dataset.class), examples = @ExampleObject(value = ApiDocs.DATASET)))
    @ApiResponse(responseCode = "404", description = "no such dataset", content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<Dataset> get(@Parameter(example = "2024") @PathVariable String edition,
            @Parameter(example = "finances-revenus") @PathVariable String id) {
        DatasetRules.checkPath(edition, id);
        Dataset dataset = book.requireCurrent(edition, id);
        return ResponseEntity.ok().eTag(dataset.etag()).body(dataset);
    }

    @PutMapping("/{id}")
    @Operation(operationId = "putDataset", summary = "Create or replace a dataset",
            description = "Same rules as indicators: create (admin only, with ownerTeam) with If-None-Match: *, change with "
                    + "If-Match: \"<revision>\" (owning team or admin). Every wrong field or cell is named, e.g. rows[3][1].",
            security = @SecurityRequirement(name = ApiDocs.BEARER))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DatasetRequest.class), examples = @ExampleObject(value = ApiDocs.DATASET_PUT)))
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "the revision you edited, e.g. \"3\"; required to change an existing dataset")
    @Parameter(name = "If-None-Match", in = ParameterIn.HEADER, description = "* to create a dataset that must not exist yet")
    @ApiResponse(responseCode = "200", description = "changed (or unchanged)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Dataset.class)))
    @ApiResponse(responseCode = "201", description = "created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Dataset.class)))
    @ApiResponse(responseCode = "400", description = "invalid fields or cells, each named", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ApiDocs.PROBLEM_DATASET)))
    @ApiResponse(responseCode = "403", description = "not your team's dataset, or a creation by a team", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "412", description = "If-Match is not the current revision", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "428", description = "If-Match missing for an existing dataset", content = @Content(mediaType = "application/problem+json"))
    @Parameter(name = "dryRun", in = ParameterIn.QUERY, description = "true: the same checks and refusals, nothing written; "
            + "200 with the dataset as it would be, at its current revision")
    public Mono<ResponseEntity<Dataset>> put(@PathVariable String edition, @PathVariable String id,
            @RequestBody(required = false) DatasetRequest request, @RequestParam(defaultValue = "false") boolean dryRun,
            Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        if (dryRun) {
            return OffEventLoop.call(() -> writes.putDryRun(edition, id, request, preconditions, caller)).map(DryRuns::answer);
        }
        return OffEventLoop.call(() -> writes.put(edition, id, request, preconditions, caller))
                .map(written -> ResponseEntity.status(written.status()).eTag(written.resource().etag())
                        .header(HttpHeaders.LOCATION, "/api/editions/" + edition + "/datasets/" + id)
                        .body(written.resource()));
    }

    @DeleteMapping("/{id}")
    @Operation(operationId = "deleteDataset", summary = "Delete a dataset", description = "Admin only; If-Match with the current revision is required.",
            security = @SecurityRequirement(name = ApiDocs.BEARER))
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, required = true, description = "the current revision, e.g. \"3\"")
    @ApiResponse(responseCode = "204", description = "deleted")
    @ApiResponse(responseCode = "403", description = "not an admin", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no such dataset", content = @Content(mediaType = "application/problem+json"))
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

    @PostMapping(path = "/{id}:import", consumes = "text/csv")
    @Operation(operationId = "importDatasetRows", summary = "Replace a dataset's rows from CSV (all or nothing)",
            description = "Header row = column names. An existing dataset keeps its columns and their types: the header must "
                    + "name exactly those columns (any order); If-Match required. A new dataset (admin only, title and "
                    + "ownerTeam query parameters) gets the header's columns, typed number where every cell is a number and "
                    + "text otherwise. Every wrong cell is reported with its line; an unchanged table publishes nothing.",
            security = @SecurityRequirement(name = ApiDocs.BEARER))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "text/csv",
            schema = @Schema(type = "string"), examples = @ExampleObject(value = ApiDocs.DATASET_CSV)))
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "the revision you edited; required for an existing dataset")
    @ApiResponse(responseCode = "200", description = "imported (changed or unchanged)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DatasetWrites.ImportOutcome.class), examples = @ExampleObject(value = ApiDocs.DATASET_IMPORT_RESULT)))
    @ApiResponse(responseCode = "201", description = "created", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = DatasetWrites.ImportOutcome.class)))
    @ApiResponse(responseCode = "400", description = "nothing imported: every wrong cell is listed with its line", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "413", description = "body larger than report.figures.max-body-size (5 MB)", content = @Content(mediaType = "application/problem+json"))
    public Mono<ResponseEntity<Object>> importCsv(@PathVariable String edition, @PathVariable String id,
            @RequestBody(required = false) String csv,
            @Parameter(description = "title, to create the dataset or change it") @RequestParam(required = false) String title,
            @Parameter(example = "CHF") @RequestParam(required = false) String unit,
            @RequestParam(required = false) String source,
            @Parameter(description = "owning team, to create the dataset (admin only to change)") @RequestParam(required = false) String ownerTeam,
            @Parameter(description = "true: the same checks and refusals, nothing written; 200 with the counts and the dataset as "
                    + "it would be (DatasetImportDryRun)") @RequestParam(defaultValue = "false") boolean dryRun,
            Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        DatasetWrites.ImportSettings settings = new DatasetWrites.ImportSettings(title, unit, source, ownerTeam);
        if (dryRun) {
            return OffEventLoop.call(() -> writes.importDryRun(edition, id, csv, settings, preconditions, caller))
                    .map(preview -> ResponseEntity.ok().<Object>body(preview));
        }
        return OffEventLoop.call(() -> writes.importCsv(edition, id, csv, settings, preconditions, caller))
                .map(outcome -> ResponseEntity.status(outcome.created() ? HttpStatus.CREATED : HttpStatus.OK)
                        .eTag(outcome.etag()).<Object>body(outcome));
    }

    @GetMapping("/{id}" + "/revisions")
    @Operation(operationId = "listDatasetRevisions", summary = "The revisions of a dataset, a page at a time, oldest first",
            description = "Public. Who made each change, when, and which fields differ from the revision before (all of them "
                    + "for a creation or a return after a deletion, none for a deletion, which is flagged deleted). "
                    + "A deleted dataset keeps its history. A page holds the `limit` newest revisions before `before` "
                    + "(default: the 100 newest), oldest first; when there are older ones, the `Link` header names the "
                    + "next page: `<...?before=n&limit=k>; rel=\"next\"`.")
    @ApiResponse(responseCode = "200", description = "the revisions",
            headers = @Header(name = "Link", description = "the next page (older revisions), when there is one"),
            content = @Content(mediaType = "application/json", array = @ArraySchema(schema = @Schema(implementation = RevisionSummary.class))))
    @ApiResponse(responseCode = "400", description = "limit or before is not a valid number", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "the dataset never existed", content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<List<RevisionSummary>> revisions(@Parameter(example = "2024") @PathVariable String edition,
            @Parameter(example = "finances-revenus") @PathVariable String id,
            @Parameter(description = "how many revisions a page lists: 1 to 1000, default 100", example = "100",
                    schema = @Schema(type = "integer", minimum = "1", maximum = "1000")) @RequestParam(required = false) String limit,
            @Parameter(description = "list the revisions before this one (from a next link); default: the newest", example = "151",
                    schema = @Schema(type = "integer", minimum = "1")) @RequestParam(required = false) String before,
            ServerWebExchange exchange) {
        return history.page(edition, id, limit, before, exchange);
    }

    @GetMapping("/{id}" + "/revisions/{revision}")
    @Operation(operationId = "getDatasetRevision", summary = "The dataset as it was at one revision",
            description = "Public. An older revision is read back from the topic (memory keeps only its summary).")
    @ApiResponse(responseCode = "200", description = "the dataset at that revision", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Dataset.class)))
    @ApiResponse(responseCode = "404", description = "no such dataset or revision", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "410", description = "that revision deleted the dataset: it has no content", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka did not return an older revision in time", content = @Content(mediaType = "application/problem+json"))
    public Mono<Dataset> revision(@Parameter(example = "2024") @PathVariable String edition,
            @Parameter(example = "finances-revenus") @PathVariable String id,
            @Parameter(example = "1", schema = @Schema(type = "integer", minimum = "1")) @PathVariable String revision) {
        return history.revision(edition, id, revision);
    }

    @PostMapping("/{id}" + "/revisions/{revision}/restore")
    @Operation(operationId = "restoreDatasetRevision", summary = "Make an old revision's content current again, as a new revision",
            description = "Title, columns, rows, unit and source come from that revision. "
                    + "It is an explicit choice of content, so If-Match is not needed (when sent, it must be the current revision). "
                    + "The owning team or an admin may restore; the owner team stays. A deleted dataset comes back with that "
                    + "revision's content and owner team (admin only: it re-creates the dataset; 201). The content is checked "
                    + "like a PUT; restoring the current content publishes nothing.",
            security = @SecurityRequirement(name = ApiDocs.BEARER))
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "optional: the current revision, e.g. \"3\"")
    @ApiResponse(responseCode = "200", description = "restored (ETag: the new revision)", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Dataset.class)))
    @ApiResponse(responseCode = "201", description = "a deleted dataset brought back", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = Dataset.class)))
    @ApiResponse(responseCode = "400", description = "that revision is a deletion, or its content breaks today's rules", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "403", description = "another team's dataset, or a deleted dataset and not an admin", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no such dataset or revision", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "412", description = "If-Match sent and not the current revision", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "Kafka did not acknowledge: nothing was saved", content = @Content(mediaType = "application/problem+json"))
    public Mono<ResponseEntity<Dataset>> restore(@Parameter(example = "2024") @PathVariable String edition,
            @Parameter(example = "finances-revenus") @PathVariable String id,
            @Parameter(example = "1", schema = @Schema(type = "integer", minimum = "1")) @PathVariable String revision,
            Caller caller, ServerWebExchange exchange) {
        return history.restore(edition, id, revision, caller, exchange, writes::restore);
    }
}
