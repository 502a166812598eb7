package org.reportplatform.figures.schedules;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.reportplatform.figures.api.ApiDocs;
import org.reportplatform.platform.log.OffEventLoop;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Scheduled indicator values: {@code /api/editions/{edition}/indicators/{id}/schedule} (one
 * pending value per indicator) and {@code /api/editions/{edition}/indicators:scheduled} (the
 * edition's pending values, for the publication calendar). Nothing here is public: a scheduled
 * value is seen by the indicator's team, reviewers and admins until its time.
 */
@RestController
@Tag(name = "scheduled values", description = "A new value of an indicator that goes public at a chosen time")
public class ScheduleController {

    static final String SCHEDULE = "/api/editions/{edition}/indicators/{id}/schedule";
    static final String SCHEDULED = "/api/editions/{edition}/indicators:scheduled";

    private final ScheduleWrites writes;

    public ScheduleController(ScheduleWrites writes) {
        this.writes = writes;
    }

    @PutMapping(SCHEDULE)
    @Operation(operationId = "scheduleIndicatorValue", summary = "Schedule a new value of an indicator, or change the scheduled one",
            description = "The body is the indicator's PUT body plus at and timeZone. It is checked now by the indicator's own "
                    + "rules (the same 400s and 403s); the indicator must exist (404). At the time, the value becomes the "
                    + "indicator's next revision. A local time the zone skips or repeats (a daylight-saving change) is refused "
                    + "with the two times it could mean in candidates[].",
            security = @SecurityRequirement(name = ApiDocs.BEARER))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ScheduleRequest.class), examples = @ExampleObject(value = ApiDocs.SCHEDULE_PUT)))
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "optional: the pending schedule's revision, e.g. \"2\"")
    @ApiResponse(responseCode = "201", description = "scheduled", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ScheduledValue.class)))
    @ApiResponse(responseCode = "200", description = "the pending schedule changed (or was already so)",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = ScheduledValue.class)))
    @ApiResponse(responseCode = "400", description = "invalid field(s), each named in errors[]", content = @Content(
            mediaType = "application/problem+json", examples = @ExampleObject(value = ApiDocs.PROBLEM_SKIPPED_HOUR)))
    @ApiResponse(responseCode = "403", description = "not your team's figure", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "404", description = "no such indicator", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "412", description = "If-Match is not the pending schedule's revision", content = @Content(mediaType = "application/problem+json"))
    public Mono<ResponseEntity<ScheduledValue>> schedule(@PathVariable String edition, @PathVariable String id,
            @RequestBody(required = false) ScheduleRequest request, Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> writes.schedule(edition, id, request, preconditions, caller)).map(Written::answer);
    }

    @GetMapping(SCHEDULE)
    @Operation(operationId = "getIndicatorSchedule", summary = "Read the pending scheduled value of an indicator",
            description = "For the indicator's team, reviewers and admins. 404 when nothing is scheduled.",
            security = @SecurityRequirement(name = ApiDocs.BEARER))
    @ApiResponse(responseCode = "200", description = "the pending schedule", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = ScheduledValue.class)))
    @ApiResponse(responseCode = "404", description = "nothing scheduled", content = @Content(mediaType = "application/problem+json"))
    public ResponseEntity<ScheduledValue> get(@PathVariable String edition, @PathVariable String id, Caller caller) {
        ScheduledValue pending = writes.read(edition, id, caller);
        return ResponseEntity.ok().eTag(pending.etag()).body(pending);
    }

    @DeleteMapping(SCHEDULE)
    @Operation(operationId = "cancelIndicatorSchedule", summary = "Cancel the pending scheduled value of an indicator",
            description = "The indicator's team or an admin. The indicator keeps its current value.",
            security = @SecurityRequirement(name = ApiDocs.BEARER))
    @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "optional: the pending schedule's revision")
    @ApiResponse(responseCode = "204", description = "cancelled")
    @ApiResponse(responseCode = "404", description = "nothing scheduled", content = @Content(mediaType = "application/problem+json"))
    public Mono<ResponseEntity<Void>> cancel(@PathVariable String edition, @PathVariable String id, Caller caller,
            ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> {
            writes.cancel(edition, id, preconditions, caller);
            return ResponseEntity.noContent().<Void>build();
        });
    }

    @GetMapping(SCHEDULED)
    @Operation(operationId = "listScheduledIndicatorValues", summary = "List the pending scheduled values of an edition",
            description = "Earliest first; only those the caller may read (their teams' indicators; all for reviewers and admins).",
            security = @SecurityRequirement(name = ApiDocs.BEARER))
    public List<ScheduledValue> scheduled(@Parameter(example = "2024") @PathVariable String edition, Caller caller) {
        return writes.pending(edition, caller);
    }
}
