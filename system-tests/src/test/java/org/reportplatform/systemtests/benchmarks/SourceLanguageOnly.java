package org.reportplatform.systemtests.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes an edition down to its source language, as an admin would (its target languages removed
 * with {@code PUT /api/editions/{e}}), and gives them back afterwards, each time waiting until the
 * platform has removed (or rendered again) the other languages' pages: the same report, the same
 * build, in one language, to measure what the languages cost an edit.
 */
public final class SourceLanguageOnly {

    /** What was removed: the target languages and their titles of the report. */
    public record Removed(List<String> languages, Map<String, Object> titles) {
    }

    private final Api api;
    private final LiveStream live;

    public SourceLanguageOnly(Api api, LiveStream live) {
        this.api = api;
        this.live = live;
    }

    @SuppressWarnings("unchecked")
    public Removed apply(String edition) {
        Map<String, Object> current = Json.read(Api.expect(200, api.getText("/api/editions/" + edition)).body());
        Removed removed = new Removed((List<String>) current.get("targetLanguages"), (Map<String, Object>) current.get("titles"));
        // a title per target language: none left
        change(edition, List.of(), Map.of(), 404);
        return removed;
    }

    public void restore(String edition, Removed removed) {
        change(edition, removed.languages(), removed.titles(), 200);
    }

    private void change(String edition, List<String> languages, Map<String, Object> titles, int expected) {
        String path = "/api/editions/" + edition;
        var current = Api.expect(200, api.getText(path));
        Map<String, Object> fields = Json.read(current.body());
        List<?> before = (List<?>) fields.get("targetLanguages");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", fields.get("title"));
        request.put("titles", titles);
        request.put("targetLanguages", languages);
        request.put("staleNotice", fields.get("staleNotice"));
        Api.expect(200, api.put(path, "demo-admin", Api.etag(current), Json.write(request)));
        for (Object language : expected == 404 ? before : languages) {
            String index = "/" + edition + "/" + language + "/";
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (api.getText(index).statusCode() != expected) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(index + " did not answer " + expected + " a minute after its edition's languages changed");
                }
                live.awaitQuiet(Duration.ofMillis(200), Duration.ofSeconds(10));
            }
        }
        live.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(2));
    }
}
