package org.reportplatform.content.accounts;

import static org.reportplatform.content.openapi.ApiExamples.BEARER;
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
import org.reportplatform.content.accounts.AccountRequests.AccountChange;
import org.reportplatform.content.accounts.AccountRequests.ExternalAccount;
import org.reportplatform.content.accounts.AccountRequests.NewAccount;
import org.reportplatform.content.openapi.Problem;
import org.reportplatform.platform.log.OffEventLoop;
import org.reportplatform.platform.revisions.HistoryEndpoints;
import org.reportplatform.platform.revisions.Preconditions;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.platform.revisions.Written;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.schemas.AccountChanged;
import org.reportplatform.schemas.AccountState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Administration of accounts ({@code /api/accounts}): admins only, and changes only from a
 * signed-in session, never with an API token. A person may read their own account.
 */
@RestController
@RequestMapping("/api/accounts")
@SecurityRequirement(name = BEARER)
@Tag(name = "accounts", description = "People: invite, change roles and teams, disable, reset (admin)")
@ApiResponse(responseCode = "403", description = "Not an admin, or a change made with an API token",
        content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
public class AccountController {

    private final AccountBook book;
    private final AccountWrites writes;
    private final HistoryEndpoints<AccountChanged, AccountState, Account> history;

    public AccountController(AccountBook book, AccountWrites writes) {
        this.book = book;
        this.writes = writes;
        this.history = new HistoryEndpoints<>(book, (edition, id) -> { });
    }

    @GetMapping
    @Operation(summary = "Every account, by display name (admin)")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = Account.class))))
    public List<Account> list(Caller caller) {
        Rights.requireAdmin(caller);
        return book.accounts();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One account (admin, or the person themself)", description = "The ETag is its revision.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Account.class)))
    @ApiResponse(responseCode = "404", description = "No such account", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public ResponseEntity<Account> get(@PathVariable String id, Caller caller) {
        Rights.requireAdminOrSelf(caller, id);
        Account account = book.requireAccount(id);
        return ResponseEntity.ok().eTag(account.etag()).body(account);
    }

    @PostMapping
    @Operation(summary = "Invite a person (admin, session only)",
            description = "Creates the account without a password and a one-time link, valid 72 h, to set it. The link's "
                    + "token is shown this once: only its SHA-256 is kept. Emails are unique, without regard to case.")
    @ApiResponse(responseCode = "201", content = @Content(mediaType = JSON, schema = @Schema(implementation = CreatedAccount.class)))
    @ApiResponse(responseCode = "400", description = "Every bad field is named", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "409", description = "The email is taken", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<CreatedAccount>> create(@RequestBody(required = false) NewAccount request, Caller caller) {
        return OffEventLoop.call(() -> writes.create(request, caller)).map(created -> ResponseEntity.status(HttpStatus.CREATED)
                .eTag(created.account().etag()).header(HttpHeaders.LOCATION, "/api/accounts/" + created.account().id()).body(created));
    }

    @PatchMapping("/{id}")
    @Operation(summary = "Change name, roles, teams, or disable (admin, session only)",
            description = "Fields left out stay. Disabling ends the person's sessions at once. The last enabled admin can "
                    + "neither be disabled nor lose the admin role (409).",
            parameters = @Parameter(name = "If-Match", in = ParameterIn.HEADER, description = "optional: the revision the change is based on",
                    schema = @Schema(type = "string"), example = "\"3\""))
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Account.class)))
    @ApiResponse(responseCode = "409", description = "The last enabled admin", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    @ApiResponse(responseCode = "412", description = "If-Match sent and stale", content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Account>> change(@PathVariable String id, @RequestBody(required = false) AccountChange request,
            Caller caller, ServerWebExchange exchange) {
        Preconditions preconditions = Preconditions.of(exchange.getRequest());
        return OffEventLoop.call(() -> writes.change(id, request, preconditions, caller)).map(Written::answer);
    }

    @PutMapping("/external")
    @Operation(summary = "The account of a person an identity provider signed in (the gateway only)",
            description = "Creates it at the person's first sign-in (no password), then keeps its name, roles and teams to what "
                    + "the gateway's mapping of the provider's groups gives. 409 when the email belongs to an account that signs "
                    + "in another way, or to a disabled account.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Account.class)))
    @ApiResponse(responseCode = "201", content = @Content(mediaType = JSON, schema = @Schema(implementation = Account.class)))
    @ApiResponse(responseCode = "409", description = "The email signs in another way, or the account is disabled",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = Problem.class)))
    public Mono<ResponseEntity<Account>> provision(@RequestBody(required = false) ExternalAccount request, Caller caller) {
        return OffEventLoop.call(() -> writes.provision(request, caller)).map(Written::answer);
    }

    @PostMapping("/{id}:reset-password")
    @Operation(summary = "Reset a password (admin, session only)",
            description = "Removes the password, ends the sessions and answers a new one-time link (72 h) to set another.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = InvitationLink.class)))
    public Mono<InvitationLink> resetPassword(@PathVariable String id, Caller caller) {
        return OffEventLoop.call(() -> writes.resetPassword(id, caller));
    }

    @PostMapping("/{id}:reset-second-factor")
    @Operation(summary = "Remove a second factor (admin, session only)", description = "A lost phone: the person enrols again. Sessions end.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, schema = @Schema(implementation = Account.class)))
    public Mono<ResponseEntity<Account>> resetSecondFactor(@PathVariable String id, Caller caller) {
        return OffEventLoop.call(() -> writes.resetSecondFactor(id, caller)).map(Written::answer);
    }

    @GetMapping("/{id}/revisions")
    @Operation(summary = "The history of an account (admin): who changed what, when",
            description = "Oldest first, a page at a time (Link: rel=\"next\"); changed names fields only, never a value.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = JSON, array = @ArraySchema(schema = @Schema(implementation = RevisionSummary.class))))
    public ResponseEntity<List<RevisionSummary>> revisions(@PathVariable String id,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String before,
            Caller caller, ServerWebExchange exchange) {
        Rights.requireAdmin(caller);
        return history.page(null, id, limit, before, exchange);
    }
}
