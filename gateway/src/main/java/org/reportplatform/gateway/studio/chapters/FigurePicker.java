package org.reportplatform.gateway.studio.chapters;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.ui.UiPages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The editor's picker, {@code GET .../choix?q=}: the key figures and charts (indicators and
 * datasets of figures-service) whose label or id contains the words searched, accents and case
 * ignored, each as a button that inserts its {@code {{fig:ID}}} or {@code {{chart:ID}}}.
 *
 * <p>Stands in until the figures pages' own list ({@code /studio/{edition}/chiffres/choix}) exists.
 */
public final class FigurePicker {

    private static final Logger log = LoggerFactory.getLogger(FigurePicker.class);

    /** One thing the picker offers: what it inserts and how people know it. */
    public record Choice(String kind, String id, String label) {

        public String code() {
            return "{{" + kind + ":" + id + "}}";
        }
    }

    private final Backends backends;
    private final StudioPages pages;
    private final int limit;

    FigurePicker(Backends backends, StudioPages pages, int limit) {
        this.backends = backends;
        this.pages = pages;
        this.limit = limit;
    }

    Mono<ServerResponse> choices(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String query = request.queryParam("q").orElse("").strip();
        return pages.forViewer(request, edition, viewer -> Mono.zip(
                        backends.figures().get(viewer.caller(), "/api/editions/{edition}/indicators", edition).fetchJson(),
                        backends.figures().get(viewer.caller(), "/api/editions/{edition}/datasets", edition).fetchJson())
                .map(lists -> Map.<String, Object>of("query", query,
                        "figures", matching(lists.getT1().body(), "fig", "label", query),
                        "charts", matching(lists.getT2().body(), "chart", "title", query),
                        "problem", ""))
                .onErrorResume(error -> {
                    log.warn("picker: figures unavailable: {}", error.toString());
                    return Mono.just(Map.of("query", query, "figures", List.of(), "charts", List.of(),
                            "problem", "La liste des chiffres et des graphiques n’est pas disponible pour le moment. Réessayez dans un instant."));
                })
                .flatMap(model -> UiPages.respond(HttpStatus.OK, UiPages.render("studio/chapters/picker.jte", model))));
    }

    private List<Choice> matching(JsonNode list, String kind, String labelField, String query) {
        List<String> words = List.of(fold(query).split("\\s+"));
        List<Choice> found = new ArrayList<>();
        if (list == null) {
            return found;
        }
        for (JsonNode item : list) {
            Choice choice = new Choice(kind, item.path("id").asString(""), item.path(labelField).asString(""));
            String searched = fold(choice.label() + " " + choice.id());
            if (!choice.id().isEmpty() && words.stream().allMatch(searched::contains)) {
                found.add(choice);
                if (found.size() == limit) {
                    break;
                }
            }
        }
        return found;
    }

    /** Lower case without accents: "Défenseur" finds "defenseurs". */
    private static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
    }
}
