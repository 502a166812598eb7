package org.reportplatform.gateway.ops;

import java.util.Map;
import org.reportplatform.gateway.signin.Access;
import org.reportplatform.gateway.signin.CsrfTokens;
import org.reportplatform.gateway.signin.PageGuard;
import org.reportplatform.gateway.ui.UiPages;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /ops}: the pipeline dashboard, for operators and admins. The page is a frame; its
 * script ({@code /ui/ops.js}) fills it from {@code /api/ops/pipeline} (services, lag, rebuilds),
 * the live stream {@code /api/live} (the chart), and the render service's operator endpoints
 * through the gateway ({@code /api/ops/rebuild}, {@code /api/ops/dead-letters}), all with the
 * page's session; its state-changing calls carry the session's CSRF token, written into the page
 * (template {@code ops.jte}).
 */
final class OpsPage {

    private final PageGuard guard;

    OpsPage(PageGuard guard) {
        this.guard = guard;
    }

    Mono<ServerResponse> page(ServerRequest request) {
        return guard.page(request, "/ops", Access.OPS_ROLES, (known, account) ->
                // A bearer caller (a script, curl) has no session: the page shows, its buttons cannot act.
                (known.fromSession() ? request.session().map(CsrfTokens::of) : Mono.just(""))
                        .flatMap(csrf -> UiPages.respond(HttpStatus.OK, UiPages.render("ops.jte", Map.of("account", account, "csrf", csrf)))));
    }
}
