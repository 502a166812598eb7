package org.reportplatform.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The report's write API as an author uses it through the gateway: chapters and indicators,
 * JSON in, {@link RawHttp.Answer} out. Revisions travel as ETag / If-Match, as for any client.
 */
final class ReportApi {

    static final String ADMIN = "demo-admin";

    private final RawHttp http;

    ReportApi(RawHttp http) {
        this.http = http;
    }

    static String chapters(String edition) {
        return "/api/editions/" + edition + "/chapters";
    }

    static String indicators(String edition) {
        return "/api/editions/" + edition + "/indicators";
    }

    static String datasets(String edition) {
        return "/api/editions/" + edition + "/datasets";
    }

    RawHttp.Answer createChapter(String edition, String slug, String ownerTeam, String title, String body) {
        return http.send("PUT", chapters(edition) + "/" + slug, headers(ADMIN, "If-None-Match", "*"),
                json("{\"title\": %s, \"body\": %s, \"ownerTeam\": %s}", title, body, ownerTeam));
    }

    RawHttp.Answer updateChapter(String edition, String slug, String token, long revision, String title, String body) {
        return http.send("PUT", chapters(edition) + "/" + slug, headers(token, "If-Match", "\"" + revision + "\""),
                json("{\"title\": %s, \"body\": %s}", title, body));
    }

    RawHttp.Answer chapter(String edition, String slug) {
        return http.get(chapters(edition) + "/" + slug);
    }

    RawHttp.Answer createIndicator(String edition, String id, String ownerTeam, long value) {
        return http.send("PUT", indicators(edition) + "/" + id, headers(ADMIN, "If-None-Match", "*"),
                json("{\"label\": %s, \"type\": \"integer\", \"value\": " + value + ", \"ownerTeam\": %s}", "Mesure " + id, ownerTeam));
    }

    RawHttp.Answer updateIndicator(String edition, String id, String token, long revision, long value) {
        return http.send("PUT", indicators(edition) + "/" + id, headers(token, "If-Match", "\"" + revision + "\""),
                json("{\"label\": %s, \"type\": \"integer\", \"value\": " + value + "}", "Mesure " + id));
    }

    RawHttp.Answer indicator(String edition, String id) {
        return http.get(indicators(edition) + "/" + id);
    }

    /** A chapter's translation: created ({@code revision} null: If-None-Match *) or changed (If-Match). */
    RawHttp.Answer putTranslation(String edition, String slug, String language, String token, Long revision, String title, String body) {
        return http.send("PUT", chapters(edition) + "/" + slug + "/translations/" + language,
                revision == null ? headers(token, "If-None-Match", "*") : headers(token, "If-Match", "\"" + revision + "\""),
                json("{\"title\": %s, \"body\": %s}", title, body));
    }

    /** The revision an answer's ETag names. */
    static long revision(RawHttp.Answer answer) {
        String etag = answer.header("etag");
        if (etag.isEmpty()) {
            throw new IllegalStateException("no ETag in " + answer);
        }
        return Long.parseLong(etag.replace("W/", "").replace("\"", ""));
    }

    static Map<String, String> headers(String token, String precondition, String value) {
        return Map.of("Content-Type", "application/json", "Authorization", "Bearer " + token, precondition, value);
    }

    /** A JSON document from a template whose %s are replaced by JSON strings. */
    static byte[] json(String template, String... strings) {
        Object[] quoted = new Object[strings.length];
        for (int i = 0; i < strings.length; i++) {
            quoted[i] = quote(strings[i]);
        }
        return String.format(template, quoted).getBytes(StandardCharsets.UTF_8);
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
