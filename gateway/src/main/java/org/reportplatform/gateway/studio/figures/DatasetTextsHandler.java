package org.reportplatform.gateway.studio.figures;

import java.util.Map;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.editions.Edition;
import org.reportplatform.gateway.studio.editions.EditionsApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * A dataset's words in the edition's other languages, {@code /studio/{edition}/donnees/{id}/textes}:
 * title, column labels (the charts' axes and the tables' headers), unit and source per target
 * language. Saving PUTs the dataset as it is with its new {@code texts}, on the revision the form
 * was read at: a change made meanwhile (412) is shown, and the person's words stay in the form.
 */
final class DatasetTextsHandler {

    private final BackendClient figures;
    private final EditionsApi editions;
    private final StudioPages pages;

    DatasetTextsHandler(Backends backends, StudioPages pages) {
        this.figures = backends.figures();
        this.editions = new EditionsApi(backends.content());
        this.pages = pages;
    }

    /** {@code GET}: the words, as a form for the dataset's team. */
    Mono<ServerResponse> page(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = request.pathVariable("id");
        String notice = request.queryParam("enregistre").map(revision -> "Textes enregistrés (révision " + revision
                + "). Les pages dans ces langues les montrent dans quelques secondes.").orElse(null);
        return pages.forViewer(request, edition, viewer -> Mono.zip(current(viewer, edition, id), editions.describe(viewer.caller(), edition))
                .flatMap(both -> show(HttpStatus.OK, viewer, both.getT2(), both.getT1(),
                        DatasetTexts.form(both.getT1(), both.getT2().targetLanguages()), notice, null)));
    }

    /** {@code POST}: saves the words of every language the form shows. */
    Mono<ServerResponse> save(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = request.pathVariable("id");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(data -> Mono.zip(current(viewer, edition, id),
                editions.describe(viewer.caller(), edition)).flatMap(both -> {
                    DatasetView dataset = both.getT1();
                    Edition described = both.getT2();
                    FormState form = FormState.of(data);
                    if (!mayEdit(viewer, dataset, described)) {
                        return show(HttpStatus.FORBIDDEN, viewer, described, dataset, form, null, FrenchFigureProblems.general(403, null));
                    }
                    long revision = revisionOf(form);
                    Map<String, Object> body = DatasetEditorHandler.body(dataset, DatasetForm.of(dataset));
                    body.put("texts", DatasetTexts.forPut(dataset, form, described.targetLanguages()));
                    return figures.put(viewer.caller(), DatasetEditorHandler.ONE, edition, id).ifMatch(revision).json(body).fetchJson()
                            .flatMap(saved -> StudioPages.seeOther("/studio/" + edition + "/donnees/" + id + "/textes?enregistre="
                                    + saved.body().path("revision").asLong()))
                            .onErrorResume(BackendRefusal.class, refusal -> refused(viewer, described, dataset, form, refusal));
                })));
    }

    private Mono<ServerResponse> refused(Viewer viewer, Edition edition, DatasetView dataset, FormState form, BackendRefusal refusal) {
        if (refusal.status() == 412) {
            FormState kept = form.with("revision", java.util.List.of(Long.toString(dataset.revision())));
            return show(HttpStatus.CONFLICT, viewer, edition, dataset, kept, null, (dataset.updatedByName() == null ? "Une autre personne"
                    : dataset.updatedByName()) + " a modifié ce tableau (révision " + dataset.revision() + ") pendant que vous traduisiez ses "
                    + "textes. Vos textes ne sont pas enregistrés : ils sont toujours dans le formulaire. Enregistrez-les pour les mettre "
                    + "sur la révision " + dataset.revision() + ", ou rechargez la page pour reprendre les textes enregistrés.");
        }
        if (refusal.status() == 400) {
            FormState explained = form;
            for (BackendRefusal.FieldProblem problem : refusal.errors()) {
                String key = DatasetTexts.errorKey(problem.field());
                explained = key == null ? explained.withGeneralError(FrenchFigureProblems.general(400, problem.problem()))
                        : explained.withError(key, FrenchFigureProblems.datasetField("texts", problem.problem()));
            }
            return show(HttpStatus.BAD_REQUEST, viewer, edition, dataset, explained, null, null);
        }
        return show(HttpStatusCode.valueOf(refusal.status()), viewer, edition, dataset, form, null,
                FrenchFigureProblems.general(refusal.status(), refusal.detail()));
    }

    private Mono<DatasetView> current(Viewer viewer, String edition, String id) {
        return DatasetEditorHandler.read(figures, viewer, edition, id);
    }

    private static boolean mayEdit(Viewer viewer, DatasetView dataset, Edition edition) {
        return viewer.caller().mayEdit(dataset.ownerTeam()) && !edition.closed();
    }

    private static long revisionOf(FormState form) {
        try {
            return Long.parseLong(form.value("revision").strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Mono<ServerResponse> show(HttpStatusCode status, Viewer viewer, Edition edition, DatasetView dataset, FormState form,
            String notice, String error) {
        return pages.render(status, "figures/dataset-texts.jte", pages.model(viewer, edition.edition())
                .put("dataset", dataset)
                .put("languages", edition.targetLanguages())
                .put("sourceLanguage", edition.sourceLanguage())
                .put("form", form)
                .put("mayEdit", mayEdit(viewer, dataset, edition))
                .put("notice", notice)
                .put("error", error));
    }
}
