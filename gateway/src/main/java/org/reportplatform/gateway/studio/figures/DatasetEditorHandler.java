package org.reportplatform.gateway.studio.figures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioPages;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The dataset editor, {@code /studio/{edition}/donnees/{id}}: title, unit, source and the table's
 * cells as a form; rows are added and deleted by the form's own buttons (a POST that redraws the
 * table, nothing saved yet: it works without a script; with one, the page does it in place), and
 * {@code Enregistrer} PUTs the whole dataset with {@code If-Match}. Each refused cell's message is
 * shown beside the cell; a 412 shows the table saved meanwhile above the person's, who chooses.
 * Anyone else sees the table, without a control.
 */
final class DatasetEditorHandler {

    static final String ONE = "/api/editions/{edition}/datasets/{id}";

    private final BackendClient figures;
    private final StudioPages pages;

    DatasetEditorHandler(Backends backends, StudioPages pages) {
        this.figures = backends.figures();
        this.pages = pages;
    }

    /** {@code GET}: the editor (or the table, read-only). */
    Mono<ServerResponse> page(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = request.pathVariable("id");
        String notice = request.queryParam("enregistre").map(revision -> "Tableau enregistré (révision " + revision
                        + "). La page publique du rapport le montre dans quelques secondes.")
                .or(() -> request.queryParam("remplace").map(revision -> "Lignes remplacées par celles du fichier (révision "
                        + revision + "). La page publique du rapport les montre dans quelques secondes."))
                .orElse(null);
        return pages.forViewer(request, edition, viewer -> current(viewer, edition, id)
                        .flatMap(dataset -> show(HttpStatus.OK, viewer, edition, dataset, DatasetForm.of(dataset), notice, null))
                        .onErrorResume(error -> pages.failed(viewer, edition, error)));
    }

    /** {@code POST}: adds a row, deletes one, or saves ({@code action}). */
    Mono<ServerResponse> save(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = request.pathVariable("id");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(data -> current(viewer, edition, id)
                        .flatMap(dataset -> {
                            DatasetForm form = DatasetForm.of(data, dataset.columns().size());
                            if (!viewer.caller().mayEdit(dataset.ownerTeam())) {
                                return show(HttpStatus.FORBIDDEN, viewer, edition, dataset, DatasetForm.of(dataset), null,
                                        FrenchFigureProblems.general(403, null));
                            }
                            String action = data.getFirst("action") == null ? "save" : data.getFirst("action");
                            if (action.equals("add")) {
                                List<List<String>> rows = new ArrayList<>(form.rows());
                                rows.add(Collections.nCopies(dataset.columns().size(), ""));
                                return show(HttpStatus.OK, viewer, edition, dataset, form.withRows(rows),
                                        "Ligne " + rows.size() + " ajoutée en bas du tableau : saisissez ses valeurs, puis enregistrez.", null);
                            }
                            if (action.startsWith("delete-")) {
                                return delete(viewer, edition, dataset, form, action.substring("delete-".length()));
                            }
                            return figures.put(viewer.caller(), ONE, edition, id).ifMatch(form.revision())
                                    .json(body(dataset, form)).fetchJson()
                                    .flatMap(saved -> StudioPages.seeOther("/studio/" + edition + "/donnees/" + id
                                            + "?enregistre=" + saved.body().path("revision").asLong()))
                                    .onErrorResume(BackendRefusal.class, refusal -> refused(viewer, edition, dataset, form, refusal));
                        }))
                        .onErrorResume(error -> pages.failed(viewer, edition, error)));
    }

    private Mono<ServerResponse> delete(Viewer viewer, String edition, DatasetView dataset, DatasetForm form, String which) {
        int index;
        try {
            index = Integer.parseInt(which);
        } catch (NumberFormatException notARow) {
            index = -1;
        }
        if (index < 0 || index >= form.rows().size()) {
            return show(HttpStatus.OK, viewer, edition, dataset, form, null, null);
        }
        List<List<String>> rows = new ArrayList<>(form.rows());
        rows.remove(index);
        return show(HttpStatus.OK, viewer, edition, dataset, form.withRows(rows),
                "Ligne " + (index + 1) + " supprimée du tableau. Enregistrez pour confirmer.", null);
    }

    private Mono<ServerResponse> refused(Viewer viewer, String edition, DatasetView dataset, DatasetForm form, BackendRefusal refusal) {
        if (refusal.status() == 412) {
            return current(viewer, edition, dataset.id()).flatMap(theirs -> pages.render(HttpStatus.CONFLICT, "figures/dataset.jte",
                    model(viewer, edition, theirs, form.withRevision(theirs.revision()), null, null).put("theirs", theirs)));
        }
        if (refusal.status() == 400) {
            return show(HttpStatus.BAD_REQUEST, viewer, edition, dataset, explain(form, refusal, dataset), null, null);
        }
        return show(HttpStatusCode.valueOf(refusal.status()), viewer, edition, dataset, form, null,
                FrenchFigureProblems.general(refusal.status(), refusal.detail()));
    }

    /** Each problem beside its cell, row or field; the rest for the whole form. */
    static DatasetForm explain(DatasetForm form, BackendRefusal refusal, DatasetView dataset) {
        DatasetForm explained = form;
        for (BackendRefusal.FieldProblem error : refusal.errors()) {
            String key = DatasetForm.keyOf(error.field());
            String message;
            if (key.startsWith("cell-")) {
                int column = Integer.parseInt(key.substring(key.lastIndexOf('-') + 1));
                String type = column < dataset.columns().size() ? dataset.columns().get(column).type() : null;
                message = FrenchFigureProblems.cell(error.problem(), type);
            } else {
                message = FrenchFigureProblems.datasetField(key.startsWith("row-") ? "row" : error.field(), error.problem());
            }
            explained = explained.withError(key, message);
        }
        if (refusal.errors().isEmpty()) {
            explained = explained.withError("", FrenchFigureProblems.general(refusal.status(), refusal.detail()));
        }
        return explained;
    }

    private Mono<DatasetView> current(Viewer viewer, String edition, String id) {
        return read(figures, viewer, edition, id);
    }

    /** The dataset as figures-service shows it to the person looking (the table, its texts, its revision). */
    static Mono<DatasetView> read(BackendClient figures, Viewer viewer, String edition, String id) {
        return figures.get(viewer.caller(), ONE, edition, id).fetchJson().map(answer -> DatasetView.of(answer.body()));
    }

    private Mono<ServerResponse> show(HttpStatusCode status, Viewer viewer, String edition, DatasetView dataset,
            DatasetForm form, String notice, String error) {
        return pages.render(status, "figures/dataset.jte", model(viewer, edition, dataset, form, notice, error));
    }

    private StudioPages.Model model(Viewer viewer, String edition, DatasetView dataset, DatasetForm form, String notice,
            String error) {
        return pages.model(viewer, edition)
                .put("dataset", dataset)
                .put("form", form)
                .put("mayEdit", viewer.caller().mayEdit(dataset.ownerTeam()))
                .put("notice", notice)
                .put("error", error);
    }

    /** The PUT's body: the form over the dataset's columns (the columns and the owner team stay; no texts: they stay too). */
    static Map<String, Object> body(DatasetView dataset, DatasetForm form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", form.title());
        body.put("columns", dataset.columns().stream().map(c -> {
            Map<String, String> column = new LinkedHashMap<>();
            column.put("name", c.name());
            column.put("type", c.type());
            return column;
        }).toList());
        body.put("rows", form.rows());
        body.put("unit", form.unit().isEmpty() ? null : form.unit());
        body.put("source", form.source().isEmpty() ? null : form.source());
        return body;
    }
}
