package org.reportplatform.content.accounts;

import static org.reportplatform.content.openapi.ApiExamples.BEARER;
import static org.reportplatform.content.openapi.ApiExamples.JSON;
import static org.reportplatform.content.openapi.ApiExamples.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.reportplatform.content.accounts.AccountRequests.Code;
import org.reportplatform.content.openapi.Problem;
import org.reportplatform.platform.log.OffEventLoop;
import org.reportplatform.platform.security.Caller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in person's own account ({@code /api/me}): who they are, their second factor. */
@RestController
@RequestMapping("/api/me")
@SecurityRequirement(name = BEARER)
@Tag(name = "me", description = "The signed-in person's account and second factor")
public class MeController {

    private final AccountBook book;
    private final OwnAccountWrites writes;

    public MeController(AccountBook book, OwnAccountWrites writes) {
        this.book = book;
        this.writes = writes;
    }

    @GetMapping
    @Operation(summary = "The signed-in person's account")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Account.class)))
    public ResponseEntity<Account> me(Caller caller) {
        Account account = book.requireAccount(caller.accountId());
        return ResponseEntity.ok().eTag(account.etag()).body(account);
    }

    @PostMapping("/second-factor")
    @Operation(summary = "Start enrolling a second factor (session only)",
            description = "Answers what an authenticator app needs (scan qrCode or type secret); the factor stays pending "
                    + "until a first code confirms it.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = SecondFactorEnrolment.Started.class)))
    @ApiResponse(responseCode = "403", description = "Made with an API token", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "A second factor is already enrolled", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<SecondFactorEnrolment.Started> startSecondFactor(Caller caller) {
        return OffEventLoop.call(() -> writes.startSecondFactor(caller));
    }

    @PostMapping("/second-factor:confirm")
    @Operation(summary = "Confirm enrolment with a first code (session only)", description = "Answers 10 recovery codes, shown this once.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = SecondFactorEnrolment.Confirmed.class)))
    @ApiResponse(responseCode = "400", description = "Wrong code (field code)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<SecondFactorEnrolment.Confirmed> confirmSecondFactor(@RequestBody(required = false) Code request, Caller caller) {
        return OffEventLoop.call(() -> writes.confirmSecondFactor(caller, request == null ? null : request.code()));
    }

    @PostMapping("/recovery-codes:use")
    @Operation(summary = "Use a recovery code up", description = "The gateway's second sign-in step when the phone is lost.")
    @ApiResponse(responseCode = "204", description = "It matched and is now used up")
    @ApiResponse(responseCode = "400", description = "No unused code matched (field code)", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Void>> useRecoveryCode(@RequestBody(required = false) Code request, Caller caller) {
        return OffEventLoop.call(() -> {
            writes.useRecoveryCode(caller, request == null ? null : request.code());
            return ResponseEntity.noContent().<Void>build();
        });
    }
}
