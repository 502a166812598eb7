package org.reportplatform.gateway.studio.chapters;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.ui.UiPages;
import org.reportplatform.platform.security.Caller;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The chapter page exactly as the render service renders it with the text being typed (its
 * preview endpoint, nothing published), and what it could not resolve.
 *
 * @param html     the whole page, shown in a sandboxed {@code <iframe srcdoc>}; null when there is
 *                 no preview (then {@code problem} says why, in French)
 * @param missing  the figures and charts the text names that do not exist
 * @param problem  why there is no preview, for the person; null when there is one
 */
public record Preview(String html, List<Reference> missing, String problem) {

    /** A {@code {{fig:ID}}} or {@code {{chart:ID}}} of the text that names nothing. */
    public record Reference(String kind, String id) {

        /** How the editor writes it back to the person: the text they typed. */
        public String code() {
            return "{{" + kind + ":" + id + "}}";
        }

        public boolean chart() {
            return kind.equals("chart");
        }
    }


    /** Asks the render service for the page as {@code caller}, with this title and text. */
    static Mono<Preview> of(BackendClient render, Caller caller, String edition, String slug, String title, String body) {
        return render.post(caller, "/api/editions/{edition}/chapters/{slug}/preview", edition, slug)
                .json(Map.of("title", title, "body", body))
                .fetchJson()
                .map(answer -> read(answer.body()))
                .onErrorResume(error -> Mono.just(failed(error)));
    }

    private static Preview read(JsonNode json) {
        List<Reference> missing = new ArrayList<>();
        for (JsonNode reference : json.path("missing")) {
            missing.add(new Reference(reference.path("kind").asString(""), reference.path("id").asString("")));
        }
        return new Preview(json.path("html").asString(""), List.copyOf(missing), null);
    }

    private static Preview failed(Throwable error) {
        if (error instanceof BackendRefusal refusal && refusal.status() == 400) {
            boolean title = refusal.errors().stream().anyMatch(e -> e.field().equals("title"));
            return new Preview(null, List.of(), title
                    ? "L’aperçu reviendra dès que le chapitre aura un titre."
                    : "L’aperçu est impossible pour ce texte : " + EditorMessages.fields(refusal));
        }
        return new Preview(null, List.of(), "L’aperçu n’est pas disponible pour le moment (le service de mise en page ne répond pas). "
                + "Vous pouvez continuer à écrire et enregistrer.");
    }

    /**
     * The page as the value of the frame's {@code srcdoc} attribute, escaped for a double-quoted
     * attribute ({@code & < > " '}). jte writes nothing for an expression in {@code srcdoc} (HTML
     * there is markup, which its escaping cannot make safe in general); this escaping does, as the
     * browser unescapes the attribute into the frame's document, which the sandbox keeps inert.
     */
    public String srcdoc() {
        return html == null ? "" : org.springframework.web.util.HtmlUtils.htmlEscape(html, "UTF-8");
    }

    public boolean available() {
        return html != null;
    }

    public List<Reference> missingFigures() {
        return missing.stream().filter(reference -> !reference.chart()).toList();
    }

    public List<Reference> missingCharts() {
        return missing.stream().filter(Reference::chart).toList();
    }

    /**
     * The CSP sources ({@code 'sha256-…'}) of the page's {@code <style>} elements. The preview frame
     * is a srcdoc document, which inherits the editor's policy ({@code style-src 'self'}): the
     * report's own inline style sheet is allowed by its hash, and nothing else is.
     */
    public Set<String> styleHashes() {
        return html == null ? new LinkedHashSet<>() : UiPages.styleHashes(html);
    }
}
