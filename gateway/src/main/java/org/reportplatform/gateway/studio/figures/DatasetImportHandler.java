package org.reportplatform.gateway.studio.figures;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioPages;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * "Remplacer les lignes par un fichier CSV", {@code /studio/{edition}/donnees/{id}/import}, in two
 * steps like the indicators' import: figures-service's dry run of the dataset import (checked
 * against the revision the person saw) shown as the table it would give, then the import itself
 * with {@code If-Match} on that revision, so that it replaces exactly the rows previewed; a 412
 * says the table changed meanwhile and shows the preview again against the current one.
 */
final class DatasetImportHandler {

    private static final String IMPORT = DatasetEditorHandler.ONE + ":import";

    private final BackendClient figures;
    private final StudioPages pages;

    DatasetImportHandler(Backends backends, StudioPages pages) {
        this.figures = backends.figures();
        this.pages = pages;
    }

    /** {@code GET}: the file form. */
    Mono<ServerResponse> form(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = request.pathVariable("id");
        return pages.forViewer(request, edition, viewer -> current(viewer, edition, id)
                        .flatMap(dataset -> show(HttpStatus.OK, viewer, edition, dataset, null, null))
                        .onErrorResume(error -> pages.failed(viewer, edition, error)));
    }

    /** {@code POST .../verifier}: the dry run, shown as the preview. */
    Mono<ServerResponse> preview(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = request.pathVariable("id");
        return pages.forViewer(request, edition, viewer -> CsvUpload.read(request).flatMap(upload -> current(viewer, edition, id)
                        .flatMap(dataset -> {
                            long revision = parse(upload.field("revision"), dataset.revision());
                            if (revision != dataset.revision()) {
                                return dryRun(viewer, edition, dataset, upload.csv(), dataset.revision()).flatMap(preview -> show(
                                        HttpStatus.OK, viewer, edition, dataset, preview, changedMeanwhile(dataset)));
                            }
                            return dryRun(viewer, edition, dataset, upload.csv(), revision)
                                    .flatMap(preview -> show(preview.refused() ? HttpStatus.BAD_REQUEST : HttpStatus.OK,
                                            viewer, edition, dataset, preview, null));
                        }))
                        .onErrorResume(error -> tooBigOrFailed(viewer, edition, error)));
    }

    /** {@code POST}: the import, on the revision previewed. */
    Mono<ServerResponse> apply(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = request.pathVariable("id");
        return pages.forViewer(request, edition, viewer -> CsvUpload.read(request).flatMap(upload -> {
                    long revision = parse(upload.field("revision"), 0);
                    return figures.post(viewer.caller(), IMPORT, edition, id).ifMatch(revision)
                            .body(upload.csv().getBytes(StandardCharsets.UTF_8), CsvUpload.CSV).fetchJson()
                            .flatMap(result -> StudioPages.seeOther("/studio/" + edition + "/donnees/" + id + "?remplace="
                                    + result.body().path("revision").asLong()))
                            .onErrorResume(BackendRefusal.class, refusal -> refusal.status() >= 500 ? Mono.error(refusal)
                                    : current(viewer, edition, id).flatMap(dataset -> dryRun(viewer, edition, dataset, upload.csv(),
                                            dataset.revision()).flatMap(preview -> show(HttpStatus.CONFLICT, viewer, edition, dataset,
                                            preview, refusal.status() == 412 ? changedMeanwhile(dataset)
                                                    : "Rien n’a été importé : " + FrenchFigureProblems.general(refusal.status(), refusal.detail())))));
                }).onErrorResume(error -> tooBigOrFailed(viewer, edition, error)));
    }

    private static String changedMeanwhile(DatasetView dataset) {
        return "Le tableau a été modifié depuis l’aperçu" + (dataset.updatedByName() == null ? "" : " (par " + dataset.updatedByName() + ")")
                + " : rien n’a été remplacé. Voici l’aperçu d’après sa version actuelle ; vérifiez-le, puis remplacez à nouveau.";
    }

    private Mono<DatasetImportPreview> dryRun(Viewer viewer, String edition, DatasetView dataset, String csv, long revision) {
        if (csv.isBlank()) {
            return Mono.just(new DatasetImportPreview(csv, revision, null, false, List.of(),
                    "Choisissez un fichier CSV, ou collez son contenu dans la zone de texte."));
        }
        return figures.post(viewer.caller(), IMPORT + "?dryRun=true", edition, dataset.id()).ifMatch(revision)
                .body(csv.getBytes(StandardCharsets.UTF_8), CsvUpload.CSV).fetchJson()
                .map(answer -> new DatasetImportPreview(csv, revision, DatasetView.of(answer.body().path("dataset")),
                        answer.body().path("changed").asBoolean(true), List.of(), null))
                .onErrorResume(BackendRefusal.class, refusal -> refusal.status() >= 500 ? Mono.error(refusal)
                        : Mono.just(refused(csv, revision, dataset, refusal)));
    }

    static DatasetImportPreview refused(String csv, long revision, DatasetView dataset, BackendRefusal refusal) {
        List<DatasetImportPreview.Problem> problems = new ArrayList<>();
        JsonNode rows = refusal.problem() == null ? null : refusal.problem().path("rows");
        if (rows != null && rows.isArray()) {
            for (JsonNode row : rows) {
                String column = row.path("field").asString("");
                String type = dataset.columns().stream().filter(c -> c.name().equalsIgnoreCase(column))
                        .map(DatasetView.Column::type).findFirst().orElse(null);
                problems.add(new DatasetImportPreview.Problem(row.path("line").asLong(), column.equals("row") ? "ligne entière" : column,
                        FrenchFigureProblems.datasetImportRow(column, row.path("problem").asString(""), type)));
            }
        }
        String fileError = null;
        if (problems.isEmpty()) {
            fileError = refusal.status() == 400 && !refusal.errors().isEmpty()
                    ? FrenchFigureProblems.file(refusal.errors().get(0).problem())
                    : FrenchFigureProblems.general(refusal.status(), refusal.detail());
        }
        return new DatasetImportPreview(csv, revision, null, false, problems, fileError);
    }

    private Mono<DatasetView> current(Viewer viewer, String edition, String id) {
        return DatasetEditorHandler.read(figures, viewer, edition, id);
    }

    private Mono<ServerResponse> show(HttpStatus status, Viewer viewer, String edition, DatasetView dataset,
            DatasetImportPreview preview, String notice) {
        return pages.render(status, "figures/dataset-import.jte", pages.model(viewer, edition)
                .put("dataset", dataset).put("preview", preview).put("notice", notice)
                .put("mayEdit", viewer.caller().mayEdit(dataset.ownerTeam())));
    }

    private Mono<ServerResponse> tooBigOrFailed(Viewer viewer, String edition, Throwable error) {
        if (error instanceof DataBufferLimitException) {
            return pages.render(HttpStatus.PAYLOAD_TOO_LARGE, "problem.jte", pages.model(viewer, edition)
                    .put("title", "Fichier trop gros")
                    .put("message", "Ce fichier est trop gros pour le studio (256 Ko au plus). Découpez-le, ou importez-le avec l’API."));
        }
        return pages.failed(viewer, edition, error);
    }

    private static long parse(String text, long otherwise) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }
}
