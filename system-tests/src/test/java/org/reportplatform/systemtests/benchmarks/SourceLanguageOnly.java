package org.reportplatform.systemtests.benchmarks;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes an edition down to its source language, as an admin would (its target languages removed
 * with {@code PUT /api/editions/{e}}), and waits until the platform has removed the other
 * languages' pages and PDFs: the same report, the same build, in one language, to measure what
 * the languages cost an edit.
 */
public final class SourceLanguageOnly {

    private final Api api;
    private final LiveStream live;

    public SourceLanguageOnly(Api api, LiveStream live) {
        this.api = api;
        this.live = live;
    }

    /** The languages removed. */
    public List<String> apply(String edition) {
        String path = "/api/editions/" + edition;
        var current = Api.expect(200, api.getText(path));
        Map<String, Object> fields = Json.read(current.body());
        @SuppressWarnings("unchecked")
        List<String> removed = (List<String>) fields.get("targetLanguages");
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("title", fields.get("title"));
        request.put("titles", Map.of()); // a title per target language: none left
        request.put("targetLanguages", List.of());
        request.put("staleNotice", fields.get("staleNotice"));
        Api.expect(200, api.put(path, "demo-admin", Api.etag(current), Json.write(request)));
        for (String language : removed) {
            String index = "/" + edition + "/" + language + "/";
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (api.getText(index).statusCode() != 404) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(index + " was still served a minute after its language was removed");
                }
                live.awaitQuiet(Duration.ofMillis(200), Duration.ofSeconds(10));
            }
        }
        live.awaitQuiet(Duration.ofSeconds(3), Duration.ofMinutes(2));
        return removed;
    }
}
