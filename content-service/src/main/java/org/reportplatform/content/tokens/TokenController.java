package org.reportplatform.content.tokens;

import static org.reportplatform.content.openapi.ApiExamples.BEARER;
import static org.reportplatform.content.openapi.ApiExamples.JSON;
import static org.reportplatform.content.openapi.ApiExamples.PROBLEM;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.reportplatform.content.openapi.Problem;
import org.reportplatform.platform.log.OffEventLoop;
import org.reportplatform.platform.security.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Personal API tokens: {@code /api/me/tokens} for one's own, and an admin's revocation of anyone's. */
@RestController
@SecurityRequirement(name = BEARER)
@Tag(name = "tokens", description = "Personal API tokens for scripts: they act with their owner's rights")
public class TokenController {

    private final TokenBook book;
    private final TokenWrites writes;

    public TokenController(TokenBook book, TokenWrites writes) {
        this.book = book;
        this.writes = writes;
    }

    @GetMapping("/api/me/tokens")
    @Operation(summary = "My tokens, revoked and expired ones included, oldest first")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = PersonalToken.class))))
    public List<PersonalToken> list(Caller caller) {
        return book.tokensOf(caller.accountId());
    }

    @PostMapping("/api/me/tokens")
    @Operation(summary = "Create a token (session only)", description = "The token is shown this once; only its SHA-256 is kept.")
    @ApiResponse(responseCode = "201", content = @Content(mediaType = JSON, schema = @Schema(implementation = CreatedToken.class)))
    @ApiResponse(responseCode = "400", description = "name or expiresInDays (1 to 365) is wrong",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "403", description = "Made with an API token: a token may not create tokens",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<CreatedToken>> create(@RequestBody(required = false) TokenRequest request, Caller caller) {
        return OffEventLoop.call(() -> ResponseEntity.status(HttpStatus.CREATED).body(writes.create(request, caller)));
    }

    @DeleteMapping("/api/me/tokens/{id}")
    @Operation(summary = "Revoke one of my tokens")
    @ApiResponse(responseCode = "204", description = "Revoked (or it already was)")
    @ApiResponse(responseCode = "404", description = "No such token of mine", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Void>> revokeMine(@PathVariable String id, Caller caller) {
        return revoke(caller.accountId(), id, caller);
    }

    @DeleteMapping("/api/accounts/{accountId}/tokens/{id}")
    @Operation(summary = "Revoke a person's token (admin)")
    @ApiResponse(responseCode = "204", description = "Revoked (or it already was)")
    @ApiResponse(responseCode = "403", description = "Not an admin", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "404", description = "No such token of that account", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Void>> revoke(@PathVariable String accountId, @PathVariable String id, Caller caller) {
        return OffEventLoop.call(() -> {
            writes.revoke(accountId, id, caller);
            return ResponseEntity.noContent().<Void>build();
        });
    }
}
