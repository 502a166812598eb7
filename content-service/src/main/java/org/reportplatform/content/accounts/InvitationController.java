package org.reportplatform.content.accounts;

import static org.reportplatform.content.openapi.ApiExamples.JSON;
import static org.reportplatform.content.openapi.ApiExamples.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reportplatform.content.accounts.AccountRequests.NewPassword;
import org.reportplatform.content.openapi.Problem;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.OffEventLoop;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Invitation links ({@code /api/invitations/{token}}): anyone holding one may set the account's password, once. */
@RestController
@RequestMapping("/api/invitations/{token}")
@Tag(name = "invitations", description = "Set a password with a one-time link")
@ApiResponse(responseCode = "404", description = "Unknown, used or expired link (one answer for all three)",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
public class InvitationController {

    private final OwnAccountWrites writes;

    public InvitationController(OwnAccountWrites writes) {
        this.writes = writes;
    }

    @GetMapping
    @Operation(summary = "Whose invitation this is, and until when it works")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = OwnAccountWrites.InvitationView.class)))
    public OwnAccountWrites.InvitationView get(@PathVariable String token) {
        return writes.invitation(token);
    }

    @PostMapping
    @Operation(summary = "Set the password and use the link up",
            description = "12 to 128 characters, not containing the name part of the email. Stored only as a bcrypt hash.")
    @ApiResponse(responseCode = "204", description = "Set: the person can sign in")
    @ApiResponse(responseCode = "400", description = "The password breaks the policy (field password)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Void>> accept(@PathVariable String token, @RequestBody(required = false) NewPassword request) {
        if (request == null) {
            throw ApiException.badRequest("password", "is required");
        }
        return OffEventLoop.call(() -> {
            writes.acceptInvitation(token, request.password());
            return ResponseEntity.noContent().<Void>build();
        });
    }
}
