package org.reportplatform.gateway.studio;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.schemas.ReportIds;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.client.WebClientException;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * Rendering the studio's pages (templates under {@code src/main/jte/studio}) and their common
 * answers: a page for the signed-in person, 303 after a POST, and the refusals in French (403,
 * 404, 503, and any other refusal of a service).
 *
 * <p>Every studio template gets {@code viewer} (who is looking: {@link Viewer}), {@code labels}
 * ({@link StudioLabels}) and {@code edition}; it wraps its content in {@code studio/page.jte}
 * (the layout with the studio's style sheet and navigation).
 */
public final class StudioPages {

    private static final Logger log = LoggerFactory.getLogger(StudioPages.class);

    private final StudioLabels labels;
    private final StudioProperties properties;

    public StudioPages(StudioLabels labels, StudioProperties properties) {
        this.labels = labels;
        this.properties = properties;
    }

    /** Template parameters; null values allowed (jte's optional parameters). */
    public static final class Model {
        private final Map<String, Object> values = new HashMap<>();

        public Model put(String name, Object value) {
            values.put(name, value);
            return this;
        }
    }

    public StudioLabels labels() {
        return labels;
    }

    public StudioProperties properties() {
        return properties;
    }

    /** What every studio template takes: the viewer, the labels, the edition. */
    public Model model(Viewer viewer, String edition) {
        return new Model().put("viewer", viewer).put("labels", labels).put("edition", edition);
    }

    /** {@code template} is relative to {@code src/main/jte/studio} (e.g. {@code "home/home.jte"}). */
    public Mono<ServerResponse> render(HttpStatusCode status, String template, Model model) {
        return UiPages.respond(status, UiPages.render("studio/" + template, model.values));
    }

    public Mono<ServerResponse> ok(String template, Model model) {
        return render(HttpStatus.OK, template, model);
    }

    /** After a successful POST: 303 to a page the browser may reload without posting again. */
    public static Mono<ServerResponse> seeOther(String location) {
        return ServerResponse.seeOther(URI.create(location)).cacheControl(CacheControl.noStore()).build();
    }

    /**
     * A studio page for the signed-in person: {@code page} with the {@link Viewer}; whatever it
     * fails with becomes a page in French ({@link #failed}); nobody signed in (the security chain
     * normally sends them to /signin before this) goes to the sign-in page.
     */
    public Mono<ServerResponse> forViewer(ServerRequest request, String edition, Function<Viewer, Mono<ServerResponse>> page) {
        return Viewer.signedIn(request)
                .flatMap(viewer -> {
                    // Any year may be an edition now that the editions API lists them; the pages' API calls say 404 for one that does not exist.
                    if (!properties.offers(edition) && !ReportIds.isEdition(edition)) {
                        return notFound(viewer, properties.currentEdition(), "Le studio ne connaît pas l’édition « " + edition
                                + " ». Les éditions ouvertes : " + String.join(", ", properties.editions()) + ".");
                    }
                    return Mono.defer(() -> page.apply(viewer)).onErrorResume(error -> failed(viewer, edition, error));
                })
                .switchIfEmpty(Mono.defer(() -> seeOther("/signin")));
    }

    /** 403: what the person may not do, and no control to do it. */
    public Mono<ServerResponse> forbidden(Viewer viewer, String edition, String message) {
        return problem(HttpStatus.FORBIDDEN, viewer, edition, "Accès réservé", message);
    }

    public Mono<ServerResponse> notFound(Viewer viewer, String edition, String message) {
        return problem(HttpStatus.NOT_FOUND, viewer, edition, "Introuvable", message);
    }

    /** A service down, slow or answering something unreadable: 503 in plain words, the cause in the log. */
    public Mono<ServerResponse> unavailable(Viewer viewer, String edition, Throwable cause) {
        if (cause instanceof WebClientException || cause instanceof TimeoutException) {
            log.warn("studio: a service is unavailable: {}", cause.toString());
        } else {
            log.error("studio page failed", cause);
        }
        return problem(HttpStatus.SERVICE_UNAVAILABLE, viewer, edition, "Service momentanément indisponible",
                "Le service qui garde le rapport ne répond pas pour l’instant. Réessayez dans un instant (si vous "
                        + "enregistriez quelque chose, vérifiez ensuite si c’est fait) ; si le problème continue, prévenez "
                        + "l’équipe d’exploitation.");
    }

    /** Whatever went wrong outside a form: the service's refusal in French, or "unavailable". */
    public Mono<ServerResponse> failed(Viewer viewer, String edition, Throwable error) {
        if (error instanceof BackendRefusal refusal) {
            return switch (refusal.status()) {
                case 403 -> forbidden(viewer, edition, StudioProblems.general(refusal));
                case 404 -> notFound(viewer, edition, StudioProblems.general(refusal));
                default -> refusal.status() >= 500 ? unavailable(viewer, edition, error)
                        : problem(HttpStatusCode.valueOf(refusal.status()), viewer, edition, "Demande refusée",
                                StudioProblems.general(refusal));
            };
        }
        return unavailable(viewer, edition, error);
    }

    private Mono<ServerResponse> problem(HttpStatusCode status, Viewer viewer, String edition, String title, String message) {
        return render(status, "problem.jte", model(viewer, edition).put("title", title).put("message", message));
    }
}
