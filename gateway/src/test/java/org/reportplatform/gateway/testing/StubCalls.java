package org.reportplatform.gateway.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.reportplatform.gateway.testing.StubService.Answer;
import org.reportplatform.gateway.testing.StubService.Received;
import org.reportplatform.platform.security.CallerAssertions;
import org.springframework.http.HttpHeaders;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/** What the studio's page tests say to and ask of their stand-in services: answers, forms, the calls received and who made them. */
public final class StubCalls {

    private StubCalls() {
    }

    /** A JSON answer with this status. */
    public static Answer json(int status, String body) {
        return new Answer(status, "application/json", body, Map.of(), Duration.ZERO);
    }

    /** A form post's body. */
    public static BodyInserters.FormInserter<String> form(Map<String, String> fields) {
        BodyInserters.FormInserter<String> form = BodyInserters.fromFormData(new LinkedMultiValueMap<>());
        fields.forEach(form::with);
        return form;
    }

    /** The one request {@code service} received with this method and path (and query): exactly one. */
    public static Received only(StubService service, String method, String pathAndQuery) {
        List<Received> matching = service.received().stream()
                .filter(request -> request.method().equals(method) && request.pathAndQuery().equals(pathAndQuery)).toList();
        assertThat(matching).as(method + " " + pathAndQuery).hasSize(1);
        return matching.get(0);
    }

    /** The account the request's assertion names, after checking its signature as a service would. */
    public static String callerOf(CallerAssertions assertions, Received request) {
        String authorization = request.header(HttpHeaders.AUTHORIZATION);
        assertThat(authorization).startsWith("Bearer ");
        return CallerAssertions.callerOf(assertions.decoder().decode(authorization.substring(7)).block()).accountId();
    }
}
