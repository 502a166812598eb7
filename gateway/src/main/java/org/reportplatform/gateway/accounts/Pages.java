package org.reportplatform.gateway.accounts;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.reportplatform.gateway.ui.UiPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/** Rendering the account pages (templates under {@code src/main/jte/accounts}) and their common answers. */
final class Pages {

    private static final Logger log = LoggerFactory.getLogger(Pages.class);

    private Pages() {
    }

    /** Template parameters; null values allowed (jte's optional parameters). */
    static final class Model {
        private final Map<String, Object> values = new HashMap<>();

        Model put(String name, Object value) {
            values.put(name, value);
            return this;
        }
    }

    static Model model(Viewer viewer, Labels labels) {
        return new Model().put("viewer", viewer).put("labels", labels);
    }

    static Mono<ServerResponse> render(HttpStatusCode status, String template, Model model) {
        return UiPages.respond(status, UiPages.render("accounts/" + template, model.values));
    }

    static Mono<ServerResponse> ok(String template, Model model) {
        return render(HttpStatus.OK, template, model);
    }

    /** After a successful POST: 303 to a page the browser may reload without posting again. */
    static Mono<ServerResponse> seeOther(String location) {
        return ServerResponse.seeOther(URI.create(location)).cacheControl(CacheControl.noStore()).build();
    }

    /** Nobody signed in (the security chain normally sends them to /signin before this). */
    static Mono<ServerResponse> signIn() {
        return seeOther("/signin");
    }

    /** A page for admins asked by someone else: 403, and no call to the admin API at all. */
    static Mono<ServerResponse> adminsOnly(Viewer viewer, Labels labels) {
        return render(HttpStatus.FORBIDDEN, "refused.jte", model(viewer, labels));
    }

    static Mono<ServerResponse> notFound(Viewer viewer, Labels labels, String what) {
        return render(HttpStatus.NOT_FOUND, "not-found.jte", model(viewer, labels).put("what", what));
    }

    /** Whatever went wrong outside a form: the API's refusal in French, or "unavailable". */
    static Mono<ServerResponse> failed(Viewer viewer, Labels labels, Throwable error) {
        if (error instanceof ApiRefusal refusal) {
            if (refusal.status() == 404) {
                return notFound(viewer, labels, "Cet élément n’existe pas ou plus.");
            }
            return render(HttpStatusCode.valueOf(refusal.status()), "refusal.jte",
                    model(viewer, labels).put("message", FrenchProblems.general(refusal.problem())));
        }
        return unavailable(viewer, labels, error);
    }

    /**
     * content-service down, slow or answering something unreadable: a 503 page in plain words,
     * the cause in the log (never a token: the client's exceptions carry no request headers).
     */
    static Mono<ServerResponse> unavailable(Viewer viewer, Labels labels, Throwable cause) {
        if (cause instanceof WebClientException || cause instanceof TimeoutException) {
            log.warn("accounts API unavailable: {}", cause.toString());
        } else {
            log.error("account page failed", cause);
        }
        return render(HttpStatus.SERVICE_UNAVAILABLE, "unavailable.jte", model(viewer, labels));
    }
}
