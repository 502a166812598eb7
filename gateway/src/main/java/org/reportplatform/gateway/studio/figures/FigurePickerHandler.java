package org.reportplatform.gateway.studio.figures;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioPages;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The chapter editor's picker, {@code GET /studio/{edition}/chiffres/choix?q=}: an HTML fragment
 * (no layout) of the indicators and datasets whose label or id holds the words typed, ignoring
 * case and accents, each a button carrying the reference to insert ({@code {{fig:ID}}},
 * {@code {{chart:ID}}}); at most {@value #LIMIT}, indicators first; an empty query lists the first ones.
 */
final class FigurePickerHandler {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(FigurePickerHandler.class);

    static final int LIMIT = 20;

    private final BackendClient figures;
    private final StudioPages pages;

    FigurePickerHandler(Backends backends, StudioPages pages) {
        this.figures = backends.figures();
        this.pages = pages;
    }

    Mono<ServerResponse> choices(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String query = fold(request.queryParam("q").orElse(""));
        return pages.forViewer(request, edition, viewer -> Mono.zip(
                        figures.get(viewer.caller(), IndicatorImportHandler.COLLECTION, edition).fetchJson(),
                        figures.get(viewer.caller(), "/api/editions/{edition}/datasets", edition).fetchJson())
                        .flatMap(both -> {
                            List<PickerChoice> indicators = new ArrayList<>();
                            for (IndicatorView i : IndicatorView.listOf(both.getT1().body())) {
                                if (matches(query, i.label(), i.id())) {
                                    indicators.add(new PickerChoice("{{fig:" + i.id() + "}}", i.label() + " — " + i.printed()));
                                }
                            }
                            List<PickerChoice> charts = new ArrayList<>();
                            for (JsonNode d : both.getT2().body()) {
                                String id = d.path("id").asString("");
                                String title = d.path("title").asString(id);
                                if (matches(query, title, id)) {
                                    charts.add(new PickerChoice("{{chart:" + id + "}}", title + " — graphique"));
                                }
                            }
                            int figuresShown = Math.min(indicators.size(), LIMIT);
                            int chartsShown = Math.min(charts.size(), LIMIT - figuresShown);
                            return fragment(HttpStatus.OK, indicators.subList(0, figuresShown), charts.subList(0, chartsShown),
                                    indicators.size() + charts.size() - figuresShown - chartsShown, null);
                        })
                        .onErrorResume(error -> {
                            log.warn("studio figures: figures-service unavailable: {}", error.toString());
                            return fragment(HttpStatus.OK, List.of(), List.of(), 0,
                                    "La liste des chiffres n’a pas pu être chargée (service des chiffres indisponible). Réessayez dans un instant.");
                        }));
    }

    private Mono<ServerResponse> fragment(HttpStatus status, List<PickerChoice> indicators, List<PickerChoice> charts, int more,
            String error) {
        return pages.render(status, "figures/picker.jte", new StudioPages.Model()
                .put("indicators", indicators).put("charts", charts).put("more", more).put("error", error));
    }

    private static boolean matches(String query, String label, String id) {
        if (query.isEmpty()) {
            return true;
        }
        String haystack = fold(label) + " " + fold(id);
        for (String word : query.split("\\s+")) {
            if (!word.isEmpty() && !haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Lower case without accents ("Défenseur" -> "defenseur"), the way a person searches. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).strip();
    }
}
