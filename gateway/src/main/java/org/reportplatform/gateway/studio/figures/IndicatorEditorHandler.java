package org.reportplatform.gateway.studio.figures;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.PublicationForm;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.editions.EditionsApi;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The indicator editor, {@code /studio/{edition}/chiffres/{id}}: its label, value, unit, period,
 * source (and currency for money) in a form the owning team (or an admin) may change; the type's
 * validation shown as the person types (htmx posts the form to {@code .../verifier}, which asks
 * figures-service for a dry run of the PUT); {@code Enregistrer} PUTs with {@code If-Match}, and a
 * 412 shows the other person's values beside the person's own so they choose. Anyone else sees
 * the values, without a control.
 */
final class IndicatorEditorHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(IndicatorEditorHandler.class);

    static final String ONE = "/api/editions/{edition}/indicators/{id}";
    private static final String SCHEDULE = ONE + "/schedule";
    private static final Pattern PLAIN_NUMBER = Pattern.compile("^-?\\d+(\\.\\d+)?$");

    private final BackendClient figures;
    private final StudioPages pages;
    private final EditionsApi editions;

    IndicatorEditorHandler(Backends backends, StudioPages pages) {
        this.figures = backends.figures();
        this.editions = new EditionsApi(backends.content());
        this.pages = pages;
    }

    /** {@code GET}: the editor (or the values, read-only). */
    Mono<ServerResponse> page(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = request.pathVariable("id");
        String notice = request.queryParam("enregistre").map(revision -> "Chiffre enregistré (révision " + revision
                + "). La page publique du rapport le montre dans quelques secondes.")
                .or(() -> request.queryParam("programme").map(done -> "Valeur programmée : elle sera publiée à l’heure prévue, "
                        + "et d’ici là la page publique garde la valeur actuelle."))
                .or(() -> request.queryParam("deprogramme").map(done -> "Programmation annulée : la valeur programmée ne sera pas publiée."))
                .orElse(null);
        return pages.forViewer(request, edition, viewer -> current(viewer, edition, id)
                        .flatMap(indicator -> show(HttpStatus.OK, viewer, edition, indicator, formOf(indicator), notice, null))
                        .onErrorResume(error -> pages.failed(viewer, edition, error)));
    }

    /** {@code POST}: saves the form with If-Match. */
    Mono<ServerResponse> save(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = request.pathVariable("id");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(data -> {
                    FormState form = FormState.of(data);
                    return current(viewer, edition, id).flatMap(indicator -> {
                        if (!viewer.caller().mayEdit(indicator.ownerTeam())) {
                            return show(HttpStatus.FORBIDDEN, viewer, edition, indicator, formOf(indicator), null,
                                    FrenchFigureProblems.general(403, null));
                        }
                        return figures.put(viewer.caller(), ONE, edition, id).ifMatch(revision(form))
                                .json(body(indicator, form)).fetchJson()
                                .flatMap(saved -> StudioPages.seeOther("/studio/" + edition + "/chiffres/" + id
                                        + "?enregistre=" + IndicatorView.of(saved.body()).revision()))
                                .onErrorResume(BackendRefusal.class, refusal -> refused(viewer, edition, id, indicator, form, refusal));
                    }).onErrorResume(error -> pages.failed(viewer, edition, error));
                }));
    }

    /**
     * {@code POST …/programmer}: « Programmer cette valeur »: the form's values, published by
     * figures-service at the chosen time ({@code PUT …/schedule}, checked like the indicator's own PUT);
     * until then the public pages keep the current value.
     */
    Mono<ServerResponse> schedule(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = request.pathVariable("id");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(data -> {
                    FormState form = FormState.of(data);
                    PublicationForm time = PublicationForm.of(data, pages.properties().zone().getId());
                    return current(viewer, edition, id).flatMap(indicator -> {
                        Map<String, Object> body = body(indicator, form);
                        body.putAll(time.api());
                        return figures.put(viewer.caller(), SCHEDULE, edition, id).json(body).fetchJson()
                                .flatMap(saved -> StudioPages.seeOther("/studio/" + edition + "/chiffres/" + id + "?programme=1#programmer"))
                                .onErrorResume(BackendRefusal.class, refusal -> {
                                    PublicationForm.Refusal explained = refusal.status() == 400 ? time.explain(refusal) : null;
                                    FormState fields = form;
                                    for (BackendRefusal.FieldProblem error : refusal.errors()) {
                                        if (IndicatorView.FIELDS.containsKey(error.field())) {
                                            fields = fields.withError(error.field(),
                                                    FrenchFigureProblems.indicatorField(error.field(), error.problem(), indicator.type()));
                                        }
                                    }
                                    String message = explained != null || refusal.status() == 400 ? null
                                            : FrenchFigureProblems.general(refusal.status(), refusal.detail());
                                    return show(HttpStatusCode.valueOf(refusal.status()), viewer, edition, indicator, fields, null, message, null,
                                            new PublicationForm(time.date(), time.time(), time.zone(), null), explained);
                                });
                    }).onErrorResume(error -> pages.failed(viewer, edition, error));
                }));
    }

    /** {@code POST …/deprogrammer}: the scheduled value cancelled ({@code DELETE …/schedule}). */
    Mono<ServerResponse> unschedule(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = request.pathVariable("id");
        return pages.forViewer(request, edition, viewer -> figures.delete(viewer.caller(), SCHEDULE, edition, id).send()
                .then(StudioPages.seeOther("/studio/" + edition + "/chiffres/" + id + "?deprogramme=1#programmer"))
                .onErrorResume(error -> pages.failed(viewer, edition, error)));
    }

    /**
     * {@code POST .../verifier} (htmx, as the person types): figures-service's dry run of the PUT,
     * answered as the fields' messages (htmx swaps each beside its field, out of band).
     */
    Mono<ServerResponse> check(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = request.pathVariable("id");
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(data -> {
                    FormState form = FormState.of(data);
                    String type = form.value("type");
                    return figures.put(viewer.caller(), ONE + "?dryRun=true", edition, id).ifMatch(revision(form))
                            .json(body(type, form)).fetchJson()
                            .map(ok -> form)
                            .onErrorResume(BackendRefusal.class, refusal -> Mono.just(explain(form, refusal, type)))
                            .onErrorResume(error -> {
                                log.warn("studio figures: figures-service unavailable: {}", error.toString());
                                return Mono.just(form.withGeneralError("La vérification n’a pas pu se faire (service des chiffres "
                                        + "indisponible) ; vous pouvez tout de même enregistrer."));
                            })
                            .flatMap(checked -> pages.ok("figures/indicator-checks.jte", pages.model(viewer, edition)
                                    .put("form", checked).put("fields", fieldsOf(type))));
                }));
    }

    private Mono<ServerResponse> refused(Viewer viewer, String edition, String id, IndicatorView before, FormState form,
            BackendRefusal refusal) {
        if (refusal.status() == 412) {
            // Someone saved meanwhile: show their values beside the person's, and let them choose.
            return current(viewer, edition, id).flatMap(theirs -> {
                List<FieldDifference> differences = new ArrayList<>();
                for (String field : fieldsOf(theirs.type())) {
                    String yours = form.value(field);
                    String now = theirs.field(field) == null ? "" : theirs.field(field);
                    if (!yours.equals(now)) {
                        differences.add(new FieldDifference(field, IndicatorView.FIELDS.get(field), now, yours));
                    }
                }
                FormState mine = form.with("revision", List.of(String.valueOf(theirs.revision())));
                return show(HttpStatus.CONFLICT, viewer, edition, theirs, mine, null, null, differences);
            });
        }
        if (refusal.status() == 400) {
            return show(HttpStatus.BAD_REQUEST, viewer, edition, before, explain(form, refusal, before.type()), null, null);
        }
        return show(HttpStatusCode.valueOf(refusal.status()), viewer, edition, before, form, null,
                FrenchFigureProblems.general(refusal.status(), refusal.detail()));
    }

    /** The form with the refusal's problems beside their fields (and the rest for the whole form). */
    static FormState explain(FormState form, BackendRefusal refusal, String type) {
        FormState explained = form;
        for (BackendRefusal.FieldProblem error : refusal.errors()) {
            String message = FrenchFigureProblems.indicatorField(error.field(), error.problem(), type);
            String translated = IndicatorTexts.errorKey(error.field());
            explained = translated != null ? explained.withError(translated, IndicatorTexts.errorMessage(error.field(), error.problem()))
                    : IndicatorView.FIELDS.containsKey(error.field()) ? explained.withError(error.field(), message)
                    : explained.withGeneralError(message);
        }
        if (refusal.errors().isEmpty()) {
            String message = refusal.status() == 412
                    ? "Quelqu’un a modifié ce chiffre depuis que vous avez ouvert la page. En enregistrant, vous verrez "
                            + "ses valeurs à côté des vôtres pour choisir."
                    : FrenchFigureProblems.general(refusal.status(), refusal.detail());
            explained = explained.withGeneralError(message);
        }
        return explained;
    }

    private Mono<IndicatorView> current(Viewer viewer, String edition, String id) {
        return figures.get(viewer.caller(), ONE, edition, id).fetchJson().map(answer -> IndicatorView.of(answer.body()));
    }

    private Mono<ServerResponse> show(HttpStatusCode status, Viewer viewer, String edition,
            IndicatorView indicator, FormState form, String notice, String error) {
        return show(status, viewer, edition, indicator, form, notice, error, null);
    }

    private Mono<ServerResponse> show(HttpStatusCode status, Viewer viewer, String edition,
            IndicatorView indicator, FormState form, String notice, String error, List<FieldDifference> conflict) {
        return show(status, viewer, edition, indicator, form, notice, error, conflict, null, null);
    }

    private Mono<ServerResponse> show(HttpStatusCode status, Viewer viewer, String edition, IndicatorView indicator, FormState form,
            String notice, String error, List<FieldDifference> conflict, PublicationForm time, PublicationForm.Refusal refusal) {
        return Mono.zip(scheduled(viewer, edition, indicator.id()), editions.describe(viewer.caller(), edition)).flatMap(both -> pages.render(status,
                "figures/indicator.jte", pages.model(viewer, edition)
                .put("scheduled", both.getT1().orElse(null))
                .put("languages", both.getT2().targetLanguages())
                .put("closed", both.getT2().closed())
                .put("schedule", time != null ? time : PublicationForm.empty(pages.properties().zone().getId()))
                .put("scheduleRefusal", refusal)
                .put("indicator", indicator)
                .put("form", form)
                .put("fields", fieldsOf(indicator.type()))
                .put("mayEdit", viewer.caller().mayEdit(indicator.ownerTeam()) && !both.getT2().closed())
                .put("notice", notice)
                .put("error", error)
                .put("conflict", conflict)));
    }

    /** The value waiting for its time, if any (a service that cannot say: shown as none, the page still works). */
    private Mono<java.util.Optional<ScheduledValue>> scheduled(Viewer viewer, String edition, String id) {
        return figures.get(viewer.caller(), SCHEDULE, edition, id).fetchJson()
                .map(answer -> java.util.Optional.ofNullable(ScheduledValue.of(answer.body())))
                .onErrorResume(error -> {
                    if (!(error instanceof BackendRefusal refusal) || refusal.status() != 404) {
                        log.warn("studio figures: schedule of {}/{} not read: {}", edition, id, error.toString());
                    }
                    return Mono.just(java.util.Optional.empty());
                });
    }

    /** The fields of the form for an indicator of this type (a currency for money only). */
    static List<String> fieldsOf(String type) {
        return IndicatorView.FIELDS.keySet().stream().filter(f -> !f.equals("currency") || "money".equals(type)).toList();
    }

    private static FormState formOf(IndicatorView indicator) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String field : IndicatorView.FIELDS.keySet()) {
            String value = indicator.field(field);
            values.put(field, List.of(value == null ? "" : value));
        }
        values.put("type", List.of(indicator.type()));
        values.put("revision", List.of(String.valueOf(indicator.revision())));
        IndicatorTexts.putInForm(values, indicator.texts());
        return FormState.of(values);
    }

    private static long revision(FormState form) {
        try {
            return Long.parseLong(form.value("revision"));
        } catch (NumberFormatException missing) {
            return 0;
        }
    }

    /** The PUT's body: the form's fields over the current indicator's type (the owner team is left out: it stays). */
    private static Map<String, Object> body(IndicatorView current, FormState form) {
        Map<String, Object> body = body(current.type(), form);
        body.put("texts", IndicatorTexts.forPut(current.texts(), form, IndicatorTexts.shownIn(form, form.names())));
        return body;
    }

    private static Map<String, Object> body(String type, FormState form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("label", form.value("label"));
        body.put("type", type);
        body.put("value", value(form.value("value"), type));
        if ("money".equals(type)) {
            body.put("currency", emptyToNull(form.value("currency")));
        }
        body.put("unit", emptyToNull(form.value("unit")));
        body.put("period", emptyToNull(form.value("period")));
        body.put("source", emptyToNull(form.value("source")));
        return body;
    }

    /**
     * The value as JSON: a number written plainly becomes an exact JSON number, anything else stays
     * text, so that the service judges it by the indicator's type (and names what it got: "12,5").
     */
    static JsonNode value(String text, String type) {
        if (text.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (!"text".equals(type) && PLAIN_NUMBER.matcher(text).matches()) {
            return JsonNodeFactory.instance.numberNode(new BigDecimal(text));
        }
        return JsonNodeFactory.instance.stringNode(text);
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }
}
