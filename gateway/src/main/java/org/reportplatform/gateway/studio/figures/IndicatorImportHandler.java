package org.reportplatform.gateway.studio.figures;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioLabels;
import org.reportplatform.gateway.studio.StudioPages;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The CSV import of indicators, {@code /studio/{edition}/chiffres/import}, in two steps: the file
 * (chosen or pasted) is first checked by figures-service's dry run and shown as a preview (every
 * change, every wrong row with its reason); {@code Importer} then sends the same text with the dry
 * run's {@code basis}, so that the import applies exactly what was previewed, all or nothing, or
 * says that something changed meanwhile (412) and shows the new preview.
 */
final class IndicatorImportHandler {

    static final String COLLECTION = "/api/editions/{edition}/indicators";
    private static final String IMPORT = COLLECTION + ":import";

    private final BackendClient figures;
    private final StudioPages pages;

    IndicatorImportHandler(Backends backends, StudioPages pages) {
        this.figures = backends.figures();
        this.pages = pages;
    }

    /** {@code GET}: the file form. */
    Mono<ServerResponse> form(ServerRequest request) {
        String edition = request.pathVariable("edition");
        return pages.forViewer(request, edition, viewer -> pages.ok("figures/import.jte", pages.model(viewer, edition)));
    }

    /** {@code POST .../verifier}: the dry run, shown as the preview. */
    Mono<ServerResponse> preview(ServerRequest request) {
        String edition = request.pathVariable("edition");
        return pages.forViewer(request, edition, viewer -> CsvUpload.read(request)
                        .flatMap(upload -> dryRun(viewer, edition, upload.csv()))
                        .flatMap(preview -> showPreview(viewer, edition, preview, null))
                        .onErrorResume(error -> tooBigOrUnavailable(viewer, edition, error)));
    }

    /** {@code POST}: the import itself, of the text previewed, on the preview's basis. */
    Mono<ServerResponse> apply(ServerRequest request) {
        String edition = request.pathVariable("edition");
        return pages.forViewer(request, edition, viewer -> CsvUpload.read(request).flatMap(upload -> {
                    String csv = upload.csv();
                    return figures.post(viewer.caller(), IMPORT + "?basis={basis}", edition, upload.field("basis"))
                            .body(csv.getBytes(StandardCharsets.UTF_8), CsvUpload.CSV).fetchJson()
                            .flatMap(result -> done(viewer, edition, result.body(), upload))
                            .onErrorResume(BackendRefusal.class, refusal -> {
                                if (refusal.status() >= 500) {
                                    return Mono.error(refusal);
                                }
                                // Changed since the preview (412), or now wrong: the new preview says what it would do now.
                                String notice = refusal.status() == 412
                                        ? "Des chiffres du fichier ont été modifiés depuis l’aperçu : rien n’a été importé. "
                                                + "Voici l’aperçu d’après les valeurs actuelles ; vérifiez-le, puis importez à nouveau."
                                        : "Rien n’a été importé : " + FrenchFigureProblems.general(refusal.status(), refusal.detail());
                                return dryRun(viewer, edition, csv).flatMap(preview -> showPreview(viewer, edition, preview, notice));
                            });
                }).onErrorResume(error -> tooBigOrUnavailable(viewer, edition, error)));
    }

    private Mono<ServerResponse> done(Viewer viewer, String edition, JsonNode result, CsvUpload upload) {
        List<String> ids = upload.fields().entrySet().stream()
                .filter(e -> e.getKey().startsWith("id-")).map(Map.Entry::getValue).toList();
        // The success page names each figure by its label, as the preview did; the import is done
        // whatever happens here, so a list that cannot be read falls back to the ids.
        return figures.get(viewer.caller(), COLLECTION, edition).fetchJson()
                .map(answer -> {
                    Map<String, String> labels = new HashMap<>();
                    IndicatorView.listOf(answer.body()).forEach(i -> labels.put(i.id(), i.label()));
                    return ids.stream().map(id -> new ImportedFigure(id, labels.getOrDefault(id, id))).toList();
                })
                .onErrorResume(error -> Mono.just(ids.stream().map(id -> new ImportedFigure(id, id)).toList()))
                .flatMap(imported -> pages.ok("figures/import-done.jte", pages.model(viewer, edition)
                        .put("created", result.path("created").asInt())
                        .put("changed", result.path("changed").asInt())
                        .put("unchanged", result.path("unchanged").asInt())
                        .put("imported", imported)));
    }

    private Mono<ServerResponse> showPreview(Viewer viewer, String edition, ImportPreview preview, String notice) {
        HttpStatus status = preview.refused() ? HttpStatus.BAD_REQUEST : HttpStatus.OK;
        return pages.render(status, "figures/import.jte", pages.model(viewer, edition)
                .put("preview", preview).put("notice", notice));
    }

    /** The dry run of {@code csv}, with the indicators' labels for the table. */
    private Mono<ImportPreview> dryRun(Viewer viewer, String edition, String csv) {
        if (csv.isBlank()) {
            return Mono.just(new ImportPreview(csv, "", List.of(), List.of(),
                    "Choisissez un fichier CSV, ou collez son contenu dans la zone de texte.", 0, 0, 0));
        }
        Mono<Map<String, IndicatorView>> indicators = figures.get(viewer.caller(), COLLECTION, edition).fetchJson()
                .map(answer -> {
                    Map<String, IndicatorView> byId = new HashMap<>();
                    IndicatorView.listOf(answer.body()).forEach(i -> byId.put(i.id(), i));
                    return byId;
                });
        Mono<JsonNode> outcome = figures.post(viewer.caller(), IMPORT + "?dryRun=true", edition)
                .body(csv.getBytes(StandardCharsets.UTF_8), CsvUpload.CSV).fetchJson()
                .map(BackendClient.Answer::body)
                .onErrorResume(BackendRefusal.class, refusal -> refusal.status() >= 500 || refusal.problem() == null && refusal.status() != 413
                        ? Mono.error(refusal) : Mono.just(refused(refusal)));
        return Mono.zip(outcome, indicators).map(both -> previewOf(csv, both.getT1(), both.getT2()));
    }

    /** A refusal kept as JSON with its status, so that the preview reads it like an answer. */
    private static JsonNode refused(BackendRefusal refusal) {
        tools.jackson.databind.node.ObjectNode node = tools.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        if (refusal.problem() != null) {
            node.setAll((tools.jackson.databind.node.ObjectNode) refusal.problem());
        }
        node.put("refusedWith", refusal.status());
        return node;
    }

    static ImportPreview previewOf(String csv, JsonNode answer, Map<String, IndicatorView> indicators) {
        if (answer.has("refusedWith")) {
            int status = answer.path("refusedWith").asInt();
            List<ImportPreview.Problem> problems = new ArrayList<>();
            for (JsonNode row : answer.path("rows")) {
                String id = row.path("id").isNull() ? null : row.path("id").asString(null);
                IndicatorView indicator = id == null ? null : indicators.get(id);
                String field = row.path("field").asString("");
                problems.add(new ImportPreview.Problem(row.path("line").asLong(), id, indicator == null ? null : indicator.label(),
                        column(field), FrenchFigureProblems.importRow(field, row.path("problem").asString(""),
                                indicator == null ? null : indicator.type())));
            }
            String fileError = null;
            if (problems.isEmpty()) {
                JsonNode errors = answer.path("errors");
                fileError = errors.isArray() && !errors.isEmpty()
                        ? FrenchFigureProblems.file(errors.get(0).path("problem").asString(""))
                        : FrenchFigureProblems.general(status, answer.path("detail").asString(""));
            }
            return new ImportPreview(csv, "", List.of(), problems, fileError, 0, 0, 0);
        }
        List<ImportPreview.Change> changes = new ArrayList<>();
        for (JsonNode change : answer.path("changes")) {
            String action = change.path("action").asString("");
            if (action.equals("unchanged")) {
                continue;
            }
            String id = change.path("id").asString("");
            boolean created = action.equals("create");
            String label = indicators.containsKey(id) ? indicators.get(id).label() : null;
            for (JsonNode field : change.path("fields")) {
                if (label == null && field.path("field").asString("").equals("label")) {
                    label = field.path("after").asString("");
                }
            }
            for (JsonNode field : change.path("fields")) {
                changes.add(new ImportPreview.Change(change.path("line").asLong(), id, label == null ? id : label, created,
                        column(field.path("field").asString("")), nullToEmpty(field.path("before")), nullToEmpty(field.path("after"))));
            }
        }
        return new ImportPreview(csv, answer.path("basis").asString(""), changes, List.of(), null,
                answer.path("created").asInt(), answer.path("changed").asInt(), answer.path("unchanged").asInt());
    }

    /** A field or column of an indicators file, in French (the studio's names, and the file's own columns). */
    static String column(String field) {
        return switch (field) {
            case "id" -> "identifiant";
            case "revision" -> "version";
            case "row" -> "ligne entière";
            default -> StudioLabels.field(field);
        };
    }

    private static String nullToEmpty(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? "" : IndicatorView.exact(value);
    }

    private Mono<ServerResponse> tooBigOrUnavailable(Viewer viewer, String edition, Throwable error) {
        if (error instanceof DataBufferLimitException) {
            return pages.render(HttpStatus.PAYLOAD_TOO_LARGE, "figures/import.jte", pages.model(viewer, edition)
                    .put("preview", new ImportPreview("", "", List.of(), List.of(), "Ce fichier est trop gros pour le studio "
                            + "(256 Ko au plus, soit environ 2 000 chiffres). Découpez-le, ou importez-le avec l’API.", 0, 0, 0)));
        }
        return pages.failed(viewer, edition, error);
    }
}
