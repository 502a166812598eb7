package org.reportplatform.gateway.studio.chapters;

import java.util.ArrayList;
import java.util.List;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.platform.security.Caller;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The accessibility checker's findings shown beside a chapter in the studio: those of the open
 * draft's text when there is one (the render service checked it with its preview; the editor
 * shows a draft only to who may read it), else those of the published text. Asked of the render
 * service as the person; unknown (not checked yet, the service unreachable) shows nothing, and the
 * editor works as before.
 *
 * @param draft whether the findings are the draft's
 * @param notes the findings, in the order of the text
 */
public record AccessibilityNotes(boolean draft, List<Note> notes) {

    /** Nothing known: no section. */
    public static final AccessibilityNotes UNKNOWN = new AccessibilityNotes(false, null);

    /** One finding: the rule, the message for the author (what and how to fix), the words and the line concerned. */
    public record Note(String rule, String message, String excerpt, int line) {
    }

    static Mono<AccessibilityNotes> of(Backends backends, Caller caller, String edition, String slug, boolean draft) {
        String path = "/api/editions/{edition}/chapters/{slug}/accessibility" + (draft ? "/draft" : "");
        return backends.render().get(caller, path, edition, slug).fetchJson()
                .map(answer -> {
                    JsonNode findings = draft ? answer.body() : answer.body().path("chapter");
                    if (findings.isMissingNode() || findings.isNull()) {
                        return UNKNOWN;
                    }
                    List<Note> notes = new ArrayList<>();
                    findings.path("findings").forEach(f -> notes.add(new Note(f.path("rule").asString(""), f.path("message").asString(""),
                            f.path("excerpt").asString(""), f.path("line").asInt(0))));
                    return new AccessibilityNotes(draft, List.copyOf(notes));
                })
                .onErrorReturn(UNKNOWN);
    }

    public boolean known() {
        return notes != null;
    }

    /** « Accessibilité : 2 points à vérifier », or that there is nothing to check. */
    public String heading() {
        int n = notes.size();
        return n == 0 ? "Accessibilité : rien à signaler" : "Accessibilité : " + n + (n == 1 ? " point à vérifier" : " points à vérifier");
    }

    public String scope() {
        return draft ? "Dans le texte du brouillon, tel qu’enregistré." : "Dans le texte publié.";
    }
}
