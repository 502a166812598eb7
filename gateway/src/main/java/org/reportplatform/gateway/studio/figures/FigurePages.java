package org.reportplatform.gateway.studio.figures;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.ui.UiPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Rendering the figures and datasets pages of the studio (templates under
 * {@code src/main/jte/studio/figures}) and their common answers: a page, a redirect after a
 * successful POST, a refusal or an unavailable service told in French.
 */
final class FigurePages {

    private static final Logger log = LoggerFactory.getLogger(FigurePages.class);

    private FigurePages() {
    }

    /** Template parameters; null values allowed (jte's optional parameters). */
    static final class Model {
        private final Map<String, Object> values = new HashMap<>();

        Model put(String name, Object value) {
            values.put(name, value);
            return this;
        }
    }

    static Model model(Viewer viewer, String edition) {
        return new Model().put("viewer", viewer).put("edition", edition);
    }

    static Mono<ServerResponse> render(HttpStatusCode status, String template, Model model) {
        return UiPages.respond(status, UiPages.render("studio/figures/" + template, model.values));
    }

    static Mono<ServerResponse> ok(String template, Model model) {
        return render(HttpStatus.OK, template, model);
    }

    /** After a successful POST: 303 to a page the browser may reload without posting again. */
    static Mono<ServerResponse> seeOther(String location) {
        return ServerResponse.seeOther(URI.create(location)).cacheControl(CacheControl.noStore()).build();
    }

    static Mono<ServerResponse> signIn() {
        return seeOther("/signin");
    }

    /** Whatever went wrong outside a form (reading the page's figure): the refusal in French, or "unavailable". */
    static Mono<ServerResponse> failed(Viewer viewer, String edition, Throwable error) {
        if (error instanceof BackendRefusal refusal && refusal.status() < 500) {
            return render(HttpStatusCode.valueOf(refusal.status()), "problem.jte", model(viewer, edition)
                    .put("heading", refusal.status() == 404 ? "Introuvable" : "Action impossible")
                    .put("message", refusal.status() == 404
                            ? "Ce chiffre ou ce tableau n’existe pas ou plus. Vérifiez l’adresse, ou repartez du studio."
                            : FrenchFigureProblems.general(refusal.status(), refusal.detail())));
        }
        return unavailable(viewer, edition, error);
    }

    /** figures-service down, slow or answering something unreadable: a 503 page in plain words, the cause in the log. */
    static Mono<ServerResponse> unavailable(Viewer viewer, String edition, Throwable cause) {
        logUnavailable(cause);
        return render(HttpStatus.SERVICE_UNAVAILABLE, "problem.jte", model(viewer, edition)
                .put("heading", "Service momentanément indisponible")
                .put("message", unavailableMessage()));
    }

    static String unavailableMessage() {
        return "Le service des chiffres ne répond pas pour l’instant. Réessayez dans un instant (si vous enregistriez, "
                + "vérifiez ensuite si la modification a été prise en compte) ; si le problème continue, prévenez l’équipe d’exploitation.";
    }

    static void logUnavailable(Throwable cause) {
        if (cause instanceof WebClientException || cause instanceof TimeoutException || cause instanceof BackendRefusal) {
            log.warn("figures API unavailable: {}", cause.toString());
        } else {
            log.error("studio figures page failed", cause);
        }
    }

    /** Whether an error is figures-service (or the way to it) failing, rather than a refusal of the request. */
    static boolean isUnavailable(Throwable error) {
        return !(error instanceof BackendRefusal refusal) || refusal.status() >= 500;
    }
}
