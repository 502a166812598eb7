package org.reportplatform.content.editions;

import static org.reportplatform.content.openapi.ApiExamples.BEARER;
import static org.reportplatform.content.openapi.ApiExamples.JSON;
import static org.reportplatform.content.openapi.ApiExamples.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;
import org.reportplatform.content.openapi.Problem;
import org.reportplatform.platform.editions.Edition;
import org.reportplatform.platform.log.OffEventLoop;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerArgumentResolver;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The editions API: {@code /api/editions}. Published and closed editions are public; an edition
 * being prepared is shown only to signed-in people. Every change is an admin's.
 *
 * <p>{@code :publish} and {@code :close} are custom methods on one edition: the literal suffix
 * makes {@code /{edition}:publish} more specific than {@code /{edition}}, so a POST to it never
 * starts an edition named {@code 2025:publish}.
 */
@RestController
@Tag(name = "editions", description = "The editions of the report (one a year): languages, preparing, published, closed")
public class EditionController {

    static final String EDITIONS = "/api/editions";
    static final String EDITION = EDITIONS + "/{edition}";

    private final EditionGuard editions;
    private final EditionWrites writes;

    public EditionController(EditionGuard editions, EditionWrites writes) {
        this.editions = editions;
        this.writes = writes;
    }

    @GetMapping(EDITIONS)
    @Operation(summary = "The editions, newest first", description = "Published and closed ones for everyone; those being prepared "
            + "too for a signed-in person.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = Edition.class))))
    public Mono<List<Edition>> list() {
        return CallerArgumentResolver.optional().map(caller -> editions.all().stream()
                .filter(edition -> edition.isPublic() || caller.isPresent())
                .toList());
    }

    @GetMapping(EDITION)
    @Operation(summary = "One edition", description = "The ETag is its revision (0 for an edition known only from its chapters).")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Edition.class)))
    @ApiResponse(responseCode = "404", description = "No such edition, or it is being prepared and the request is anonymous",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Edition>> get(@Parameter(example = "2024") @PathVariable String edition) {
        EditionRules.checkYear(edition);
        return CallerArgumentResolver.optional().map(caller -> {
            Optional<Edition> found = editions.edition(edition).filter(e -> e.isPublic() || caller.isPresent());
            Edition shown = found.orElseThrow(() -> editions.notFound(edition));
            return ResponseEntity.ok().eTag(shown.etag()).body(shown);
        });
    }

    @PostMapping(EDITION)
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Start an edition (admin): a copy of another one's chapters, or an empty one",
            description = "{\"from\": \"2024\"} copies every chapter of 2024 (title, text, place, owner team, language; no errata) "
                    + "and its languages, in one Kafka transaction with the new edition, which is being prepared (not public). "
                    + "figures-service then copies 2024's indicators (without values) and datasets (without rows). "
                    + "Without from: {\"title\", \"sourceLanguage\", \"targetLanguages\"}.")
    @ApiResponse(responseCode = "201", description = "Started (ETag \"1\")",
            content = @Content(mediaType = JSON, schema = @Schema(implementation = Edition.class)))
    @ApiResponse(responseCode = "400", description = "A bad year, language or title: every bad field is named",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "Not an admin",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "from names no edition",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The edition exists already (or has chapters)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Edition>> create(@Parameter(example = "2025") @PathVariable String edition,
            @RequestBody(required = false) NewEditionRequest request, Caller caller) {
        return OffEventLoop.call(() -> writes.create(edition, request, caller)).map(EditionController::answer);
    }

    @PutMapping(EDITION)
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Change an edition's titles, target languages and stale notice (admin, If-Match required)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Edition.class)))
    @ApiResponse(responseCode = "400", description = "Every bad field is named",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = "If-Match names another revision",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "428", description = "If-Match missing",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Edition>> update(@Parameter(example = "2024") @PathVariable String edition,
            @RequestBody(required = false) EditionRequest request, Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> writes.update(edition, request, preconditions, caller)).map(EditionController::answer);
    }

    @PostMapping(EDITION + ":publish")
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Publish a prepared edition (admin)", description = "Its pages and PDFs become public. If-Match optional.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Edition.class)))
    @ApiResponse(responseCode = "409", description = "The edition is not being prepared (already published, or closed)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Edition>> publish(@Parameter(example = "2025") @PathVariable String edition, Caller caller,
            ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> writes.publish(edition, preconditions, caller)).map(EditionController::ok);
    }

    @PostMapping(EDITION + ":close")
    @SecurityRequirement(name = BEARER)
    @Operation(summary = "Close a published edition (admin)", description = "It stays public and becomes read-only: chapters, "
            + "translations, drafts, indicators, datasets and schedules refuse changes with 409; a chapter is corrected by an "
            + "erratum. If-Match optional.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Edition.class)))
    @ApiResponse(responseCode = "409", description = "The edition is not published (being prepared, or closed already)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Edition>> close(@Parameter(example = "2023") @PathVariable String edition, Caller caller,
            ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> writes.close(edition, preconditions, caller)).map(EditionController::ok);
    }

    private static ResponseEntity<Edition> answer(Written<Edition> written) {
        return ResponseEntity.status(written.status()).eTag(written.resource().etag())
                .header(HttpHeaders.LOCATION, EDITIONS + "/" + written.resource().edition()).body(written.resource());
    }

    private static ResponseEntity<Edition> ok(Edition edition) {
        return ResponseEntity.ok().eTag(edition.etag()).body(edition);
    }
}
