package org.reportplatform.content.openapi;

import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;
import org.reportplatform.platform.errors.ApiException.FieldProblem;

/**
 * The shape of every refusal (RFC 9457, {@code application/problem+json}), as
 * platform's ApiErrorHandler writes it; for the OpenAPI description only.
 */
@Schema(name = "Problem", description = "A refusal: RFC 9457 problem document")
public record Problem(
        @Schema(example = "about:blank") URI type,
        @Schema(example = "Precondition Failed") String title,
        @Schema(example = "412") int status,
        @Schema(description = "what went wrong, in plain words") String detail,
        @Schema(example = "/api/editions/2024/chapters/enfants") URI instance,
        @Schema(description = "each bad field or header, when there are any") List<FieldProblem> errors,
        @Schema(description = "on 412 and 428: the chapter's current revision", example = "3") Long currentRevision) {
}
