package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reportplatform.systemtests.ReportApi.chapters;
import static org.reportplatform.systemtests.ReportApi.json;

import com.jayway.jsonpath.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.Topics;

/**
 * The drafts API as the studio uses it through the gateway (a chapter's draft, its review, its
 * publication now or at a time), and what the topics say about a chapter and its drafts.
 */
final class DraftApi {

    static final String REVIEWER = "demo-reviewer";

    private final RawHttp http;

    DraftApi(RawHttp http) {
        this.http = http;
    }

    static String draft(String slug) {
        return chapters("2024") + "/" + slug + "/draft";
    }

    /** Starts the chapter's draft (its current title, {@code body}); the draft's revision. */
    long start(String slug, String token, String body) {
        RawHttp.Answer started = http.send("PUT", draft(slug), headers(token, "If-None-Match", "*"),
                json("{\"title\": %s, \"body\": %s}", title(slug), body));
        assertThat(started.status()).as("draft of %s started: %s", slug, started).isEqualTo(201);
        return ReportApi.revision(started);
    }

    RawHttp.Answer save(String slug, String token, long revision, String body) {
        return http.send("PUT", draft(slug), headers(token, "If-Match", "\"" + revision + "\""),
                json("{\"title\": %s, \"body\": %s}", title(slug), body));
    }

    /** Saves a merged text based on the chapter's revision {@code baseRevision}. */
    RawHttp.Answer saveMerged(String slug, String token, long revision, String body, long baseRevision) {
        return http.send("PUT", draft(slug), headers(token, "If-Match", "\"" + revision + "\""),
                json("{\"title\": %s, \"body\": %s, \"baseRevision\": " + baseRevision + "}", title(slug), body));
    }

    RawHttp.Answer get(String slug, String token) {
        return http.get(draft(slug), token);
    }

    /** The chapter's open draft, if any, discarded (the revision its GET gave, as If-Match): a test starts from none. */
    void discardIfOpen(String slug, String token) {
        RawHttp.Answer open = get(slug, token);
        if (open.status() == 404) {
            return;
        }
        assertThat(open.status()).as("draft of %s: %s", slug, open).isEqualTo(200);
        RawHttp.Answer discarded = http.send("DELETE", draft(slug), headers(token, "If-Match", "\"" + ReportApi.revision(open) + "\""), null);
        assertThat(discarded.status()).as("draft of %s discarded: %s", slug, discarded).isIn(200, 204);
    }

    /** {@code POST .../draft:<action>}, If-Match when {@code revision} is not null, with a JSON body (or none). */
    RawHttp.Answer act(String slug, String action, String token, Long revision, String body) {
        Map<String, String> headers = new HashMap<>(Map.of("Authorization", "Bearer " + token, "Content-Type", "application/json"));
        if (revision != null) {
            headers.put("If-Match", "\"" + revision + "\"");
        }
        return http.send("POST", draft(slug) + ":" + action, headers, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Submits the draft and has demo-reviewer approve it; the draft's revision after. */
    long submitAndApprove(String slug, String token) {
        RawHttp.Answer submitted = act(slug, "submit", token, null, "{}");
        assertThat(submitted.status()).as("submitted: %s", submitted).isEqualTo(200);
        RawHttp.Answer approved = act(slug, "approve", REVIEWER, ReportApi.revision(submitted), "{}");
        assertThat(approved.status()).as("approved: %s", approved).isEqualTo(200);
        return ReportApi.revision(approved);
    }

    /** Schedules the draft at {@code at} (ISO, local or with offset) in {@code zone}. */
    RawHttp.Answer schedule(String slug, String token, String at, String zone) {
        return act(slug, "schedule", token, null, new String(json("{\"at\": %s, \"timeZone\": %s}", at, zone),
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** The chapter's title and body now, and its revision. */
    Map<String, Object> chapter(String slug) {
        RawHttp.Answer chapter = http.get(chapters("2024") + "/" + slug);
        assertThat(chapter.status()).as("chapter %s: %s", slug, chapter).isEqualTo(200);
        return Map.of("title", JsonPath.read(chapter.body(), "$.title"), "body", JsonPath.read(chapter.body(), "$.body"),
                "revision", ((Number) JsonPath.read(chapter.body(), "$.revision")).longValue());
    }

    String title(String slug) {
        return (String) chapter(slug).get("title");
    }

    String body(String slug) {
        return (String) chapter(slug).get("body");
    }

    long revision(String slug) {
        return (Long) chapter(slug).get("revision");
    }

    /** The chapter's events on report.chapters.v1, oldest first. */
    static List<ChapterChanged> chapterEvents(String slug) {
        return new TopicLog(DraftsPlatform.get().bootstrapServers()).events(Topics.CHAPTERS.name(), ChapterChanged.class).stream()
                .filter(e -> e.getEdition().equals("2024") && e.getSlug().equals(slug)).toList();
    }

    /** The chapter's drafts' events on report.drafts.v1, oldest first. */
    static List<DraftChanged> draftEvents(String slug) {
        return new TopicLog(DraftsPlatform.get().bootstrapServers()).events(Topics.DRAFTS.name(), DraftChanged.class).stream()
                .filter(e -> e.getEdition().equals("2024") && e.getSlug().equals(slug)).toList();
    }

    private static Map<String, String> headers(String token, String precondition, String value) {
        return ReportApi.headers(token, precondition, value);
    }
}
