package org.reportplatform.gateway.accounts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reportplatform.gateway.accounts.AccountsApi.Enrolment;
import org.reportplatform.gateway.accounts.AccountsApi.InvitationDetails;
import org.reportplatform.gateway.accounts.AccountsApi.Invitation;
import org.reportplatform.gateway.accounts.AccountsApi.Invited;
import org.reportplatform.gateway.accounts.AccountsApi.NewToken;
import org.reportplatform.gateway.accounts.AccountsApi.Person;
import org.reportplatform.gateway.accounts.AccountsApi.Problem;
import org.reportplatform.gateway.accounts.AccountsApi.RecoveryCodes;
import org.reportplatform.gateway.accounts.AccountsApi.Revision;
import org.reportplatform.gateway.accounts.AccountsApi.Token;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.platform.security.Caller;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import reactor.core.publisher.Mono;

/**
 * The account pages' way to content-service's accounts API, through the gateway's
 * {@link BackendClient}: every call as the person looking at the page, so the API, not the page,
 * decides what that person may do. The invitation calls are the only anonymous ones (the person
 * has no account to sign in with yet); the sign-in's recovery codes and the identity provider's
 * provisioning are here too, so the gateway has one way to the accounts API.
 *
 * <p>A refusal becomes an {@link ApiRefusal} carrying the problem document; a service that does
 * not answer within the gateway's request timeout is an error the pages show as "unavailable".
 */
public final class AccountsClient {

    private static final ParameterizedTypeReference<List<Person>> PEOPLE = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Token>> TOKENS = new ParameterizedTypeReference<>() {
    };
    private static final ParameterizedTypeReference<List<Revision>> REVISIONS = new ParameterizedTypeReference<>() {
    };

    private final BackendClient content;

    public AccountsClient(BackendClient content) {
        this.content = content;
    }

    // The signed-in person.

    public Mono<Person> me(Caller caller) {
        return call(caller, HttpMethod.GET, "/api/me", null, null, Person.class);
    }

    public Mono<List<Token>> myTokens(Caller caller) {
        return call(caller, HttpMethod.GET, "/api/me/tokens", null, null, TOKENS);
    }

    public Mono<NewToken> createToken(Caller caller, String name, Integer expiresInDays) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        if (expiresInDays != null) {
            body.put("expiresInDays", expiresInDays);
        }
        return call(caller, HttpMethod.POST, "/api/me/tokens", body, null, NewToken.class);
    }

    public Mono<Void> revokeToken(Caller caller, String tokenId) {
        return call(caller, HttpMethod.DELETE, "/api/me/tokens/{id}", null, null, Void.class, tokenId);
    }

    public Mono<Enrolment> startSecondFactor(Caller caller) {
        return call(caller, HttpMethod.POST, "/api/me/second-factor", Map.of(), null, Enrolment.class);
    }

    public Mono<RecoveryCodes> confirmSecondFactor(Caller caller, String code) {
        return call(caller, HttpMethod.POST, "/api/me/second-factor:confirm", Map.of("code", code), null, RecoveryCodes.class);
    }

    // Administration (the API refuses anyone but an admin; the pages do not even ask for others).

    public Mono<List<Person>> accounts(Caller caller) {
        return call(caller, HttpMethod.GET, "/api/accounts", null, null, PEOPLE);
    }

    public Mono<Person> account(Caller caller, String id) {
        return call(caller, HttpMethod.GET, "/api/accounts/{id}", null, null, Person.class, id);
    }

    public Mono<List<Revision>> revisions(Caller caller, String id) {
        return call(caller, HttpMethod.GET, "/api/accounts/{id}/revisions", null, null, REVISIONS, id);
    }

    public Mono<Invited> invite(Caller caller, String email, String displayName, List<String> roles, List<String> teams) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", email);
        body.put("displayName", displayName);
        body.put("roles", roles);
        body.put("teams", teams);
        return call(caller, HttpMethod.POST, "/api/accounts", body, null, Invited.class);
    }

    /** {@code PATCH}: only the members of {@code changes}; {@code revision} (If-Match) when not null. */
    public Mono<Void> update(Caller caller, String id, Map<String, Object> changes, Long revision) {
        return call(caller, HttpMethod.PATCH, "/api/accounts/{id}", changes, revision == null ? null : "\"" + revision + "\"",
                Void.class, id);
    }

    public Mono<Invitation> resetPassword(Caller caller, String id) {
        return call(caller, HttpMethod.POST, "/api/accounts/{id}:reset-password", Map.of(), null, Invitation.class, id);
    }

    public Mono<Void> resetSecondFactor(Caller caller, String id) {
        return call(caller, HttpMethod.POST, "/api/accounts/{id}:reset-second-factor", Map.of(), null, Void.class, id);
    }

    // Signing in.

    /** Uses up one of the person's recovery codes; true when it matched (content-service keeps them, hashed). */
    public Mono<Boolean> useRecoveryCode(Caller caller, String code) {
        return content.post(caller, "/api/me/recovery-codes:use").json(Map.of("code", code)).send()
                .thenReturn(true)
                .onErrorResume(BackendRefusal.class, refusal -> refusal.status() < 500 ? Mono.just(false) : Mono.error(refusal));
    }

    /** Creates or updates the account of a person an identity provider vouched for; the account's id. */
    public Mono<String> provisionExternal(Caller provisioner, Map<String, Object> person) {
        return content.put(provisioner, "/api/accounts/external").json(person).fetch(ProvisionedAccount.class)
                .map(answer -> answer.body().id());
    }

    /** What content-service answers a provisioning with that the sign-in needs: the account's id. */
    record ProvisionedAccount(String id) {
    }

    // Invitations: anyone holding the link.

    public Mono<InvitationDetails> invitation(String token) {
        return call(null, HttpMethod.GET, "/api/invitations/{token}", null, null, InvitationDetails.class, token);
    }

    public Mono<Void> acceptInvitation(String token, String password) {
        return call(null, HttpMethod.POST, "/api/invitations/{token}", Map.of("password", password), null, Void.class, token);
    }

    private <T> Mono<T> call(Caller caller, HttpMethod method, String path, Object body, String ifMatch, Class<T> type,
            Object... variables) {
        return refusalsAsApiRefusals(request(caller, method, path, body, ifMatch, variables).fetch(type));
    }

    private <T> Mono<T> call(Caller caller, HttpMethod method, String path, Object body, String ifMatch,
            ParameterizedTypeReference<T> type, Object... variables) {
        return refusalsAsApiRefusals(request(caller, method, path, body, ifMatch, variables).fetch(type));
    }

    private BackendClient.Request request(Caller caller, HttpMethod method, String path, Object body, String ifMatch, Object[] variables) {
        BackendClient.Request request = content.request(caller, method, path, variables);
        if (body != null) {
            request.json(body);
        }
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return request;
    }

    /** The account pages explain refusals from the accounts API's problem document ({@link FrenchProblems}). */
    private static <T> Mono<T> refusalsAsApiRefusals(Mono<BackendClient.Answer<T>> answer) {
        return answer.mapNotNull(BackendClient.Answer::body)
                .onErrorMap(BackendRefusal.class, refusal -> new ApiRefusal(new Problem(refusal.status(),
                        refusal.problem() == null ? null : refusal.problem().path("title").asString(null), refusal.detail(),
                        refusal.errors().stream().map(e -> new AccountsApi.FieldProblem(e.field(), e.problem())).toList())));
    }
}
