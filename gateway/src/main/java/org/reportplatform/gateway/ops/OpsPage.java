package org.reportplatform.gateway.ops;

import java.util.Map;
import org.reportplatform.gateway.security.CurrentPerson;
import org.reportplatform.gateway.ui.UiPages;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /ops}: the pipeline dashboard, for operators and admins (the security chain checks). The page is a frame; its
 * script ({@code /ui/ops.js}) fills it from {@code /api/ops/pipeline} (services, lag, rebuilds),
 * the live stream {@code /api/live} (the chart), and the render service's operator endpoints
 * through the gateway ({@code /api/ops/rebuild}, {@code /api/ops/dead-letters}), all with the
 * page's session; its state-changing calls carry Spring Security's CSRF token, written into the
 * page (template {@code ops.jte}), in {@code X-CSRF-TOKEN}.
 */
final class OpsPage {

    Mono<ServerResponse> page(ServerRequest request) {
        return CurrentPerson.account(request.exchange()).flatMap(account ->
                // A token caller (a script, curl) has no session: the page shows, its buttons cannot act.
                (account.signOutCsrf() != null ? Mono.just(account.signOutCsrf()) : Mono.just(""))
                        .flatMap(csrf -> UiPages.respond(HttpStatus.OK, UiPages.render("ops.jte", Map.of("account", account, "csrf", csrf)))));
    }
}
