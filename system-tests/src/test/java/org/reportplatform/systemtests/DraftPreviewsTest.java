package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reportplatform.schemas.Topics;

/**
 * A draft's previews on the real platform (the shared {@link DraftsPlatform}): a draft saved
 * through the API is rendered by the render service and served at {@code /preview/...} to whoever
 * may read the draft, never on the public site or topics; a figure change renders it again; a
 * discarded draft has none. Uses only chapters {@code soutien-aux-victimes} (with its figure
 * {@code sanad.victims-assisted}) and {@code quete-de-justice}.
 */
@ExtendWith(DraftsPlatform.class)
class DraftPreviewsTest {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private static final String HTML = "text/html,application/xhtml+xml";

    private final Platform platform = DraftsPlatform.get();
    private final Http api = new Http(platform.gatewayUrl());
    private final RawHttp gateway = new RawHttp(platform.gatewayUrl());

    /** GET with these headers, the body as bytes. */
    private HttpResponse<byte[]> fetch(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(platform.gatewayUrl() + path)).timeout(Duration.ofSeconds(15)).GET();
        headers.forEach(request::header);
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> bearer(String token, String accept) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + token);
        if (accept != null) {
            headers.put("Accept", accept);
        }
        return headers;
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private static String revision(HttpResponse<?> response) {
        return response.headers().firstValue("X-Draft-Revision").orElse("");
    }

    /** Waits until {@code path} answers 200 with the preview of draft revision {@code revision} that satisfies {@code content}. */
    private HttpResponse<byte[]> awaitPreview(String path, String token, long revision, java.util.function.Predicate<HttpResponse<byte[]>> content) {
        HttpResponse<byte[]>[] last = new HttpResponse[1];
        await("the preview " + path + " of draft revision " + revision).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    last[0] = fetch(path, bearer(token, null));
                    return last[0].statusCode() == 200 && revision(last[0]).equals(Long.toString(revision)) && content.test(last[0]);
                });
        return last[0];
    }

    private static long etag(HttpResponse<String> response) {
        return Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }

    private long saveDraft(String slug, String token, String title, String body) {
        String json = "{\"title\": \"%s\", \"body\": \"%s\"}".formatted(title, body.replace("\n", "\\n"));
        HttpResponse<String> saved = api.create("/api/editions/2024/chapters/" + slug + "/draft", token, json);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
        return etag(saved);
    }

    @Test
    void aSavedDraftIsPreviewedForWhoMayReadItAndNeverPublicAndFollowsItsFigures() {
        String slug = "soutien-aux-victimes";
        String team = "demo-soutien-aux-victimes";
        String marker = "Brouillon " + UUID.randomUUID();
        String page = "/preview/2024/" + slug;
        String pdf = page + ".pdf";

        // Given the team saves a draft of its chapter, with its figure
        long revision = saveDraft(slug, team, "Soutien aux victimes",
                "Texte du brouillon : " + marker + ".\n\nEn 2024, {{fig:sanad.victims-assisted}} victimes assistées.");

        // Then its team sees the page preview of that revision, with a bearer token
        HttpResponse<byte[]> preview = awaitPreview(page, team, revision, r -> text(r).contains(marker));
        assertThat(preview.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(preview.headers().allValues("Cache-Control").toString()).contains("private").contains("no-store");
        // framable by the studio (same origin) only, whatever the security chain's defaults
        assertThat(preview.headers().allValues("X-Frame-Options")).containsExactly("SAMEORIGIN");
        assertThat(text(preview)).contains("<h1>Soutien aux victimes</h1>");
        // and signed in with the form, as in a browser
        GatewaySession session = GatewaySession.signIn(gateway, "soutien-aux-victimes@example.org", "demo-password");
        RawHttp.Answer signedIn = gateway.send("GET", page, Map.of("Cookie", session.cookieHeader(), "Accept", HTML), null);
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        assertThat(signedIn.body()).contains(marker);
        assertThat(signedIn.header("x-draft-revision")).isEqualTo(Long.toString(revision));
        // and the PDF preview: the chapter's pages of the report, with the draft's text
        HttpResponse<byte[]> pdfPreview = awaitPreview(pdf, team, revision, r -> true);
        assertThat(pdfPreview.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        String pdfText = PdfText.of(pdfPreview.body());
        assertThat(pdfText).contains(marker, "Soutien aux victimes").doesNotContain("Sommaire");
        // and with ?live, the page follows the preview's own stream, which its team may open
        assertThat(text(fetch(page + "?live", bearer(team, HTML))))
                .contains("data-events=\"/api/live/preview?path=/preview/2024/" + slug + "\"");
        assertThat(gateway.open("/api/live/preview?path=" + page, team).status()).isEqualTo(200);

        // When the figure the draft shows changes
        HttpResponse<String> figure = api.get("/api/editions/2024/indicators/sanad.victims-assisted");
        long value = Long.parseLong(JsonPath.read(figure.body(), "$.value").toString()) + 1;
        HttpResponse<String> changed = api.put("/api/editions/2024/indicators/sanad.victims-assisted", team,
                figure.headers().firstValue("ETag").orElseThrow(), """
                        {"label": "%s", "type": "integer", "value": %d, "unit": "%s", "period": "%s", "source": "%s"}"""
                        .formatted(JsonPath.read(figure.body(), "$.label"), value, JsonPath.read(figure.body(), "$.unit"),
                                JsonPath.read(figure.body(), "$.period"), JsonPath.read(figure.body(), "$.source")));
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);

        // Then the preview shows the new value, still of the same draft revision
        String formatted = String.valueOf(value);
        awaitPreview(page, team, revision, r -> text(r).contains(formatted + "</span> victimes") || text(r).contains(" " + formatted + " victimes"));
        awaitPreview(pdf, team, revision, r -> PdfText.of(r.body()).contains(formatted + " victimes"));

        // and, once the public page and PDF show that later change, neither ever showed the draft
        await("the public page with the new figure").atMost(Duration.ofSeconds(30))
                .until(() -> api.get("/2024/" + slug).body().contains(formatted));
        await("the public PDF with the new figure").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> PdfText.of(api.getBytes("/2024/report.pdf").body()).contains(formatted + " victimes"));
        assertThat(api.get("/2024/" + slug).body()).doesNotContain(marker);
        assertThat(PdfText.of(api.getBytes("/2024/report.pdf").body())).doesNotContain(marker);
        TopicLog topics = new TopicLog(platform.bootstrapServers());
        for (String topic : List.of(Topics.PAGES.name(), Topics.DOCUMENTS.name())) {
            assertThat(topics.records(topic)).as(topic).noneMatch(record -> record.value() != null
                    && new String(record.value(), StandardCharsets.UTF_8).contains(marker));
        }
        assertThat(topics.records(Topics.PREVIEWS.name())).anyMatch(record -> page.equals(record.key()) && record.value() != null
                && new String(record.value(), StandardCharsets.UTF_8).contains(marker));
    }

    @Test
    void anotherTeamIsRefusedReviewersAndAdminsSeeItAndNobodySignedInIsSentToSignIn() {
        String slug = "quete-de-justice";
        String marker = "Brouillon " + UUID.randomUUID();
        long revision = saveDraft(slug, "demo-quete-de-justice", "Quête de justice", "Texte du brouillon : " + marker + ".");
        String page = "/preview/2024/" + slug;
        String pdf = page + ".pdf";
        awaitPreview(page, "demo-quete-de-justice", revision, r -> text(r).contains(marker));
        awaitPreview(pdf, "demo-quete-de-justice", revision, r -> true);

        // A member of another team: 403, the French page in a browser, a problem for a script
        for (String path : List.of(page, pdf)) {
            HttpResponse<byte[]> browser = fetch(path, bearer("demo-enfants", HTML));
            assertThat(browser.statusCode()).isEqualTo(403);
            assertThat(text(browser)).contains("Accès réservé").doesNotContain(marker);
            HttpResponse<byte[]> script = fetch(path, bearer("demo-enfants", "application/json"));
            assertThat(script.statusCode()).isEqualTo(403);
            assertThat(script.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        }
        assertThat(gateway.open("/api/live/preview?path=" + page, "demo-enfants").status()).isEqualTo(403);

        // A reviewer and an admin: 200
        for (String token : List.of("demo-reviewer", "demo-admin")) {
            assertThat(fetch(page, bearer(token, HTML)).statusCode()).as(token).isEqualTo(200);
            assertThat(fetch(pdf, bearer(token, null)).statusCode()).as(token).isEqualTo(200);
        }

        // Nobody signed in: a browser is sent to the sign-in page, a script gets 401
        RawHttp.Answer anonymous = gateway.send("GET", page, Map.of("Accept", HTML), null);
        assertThat(anonymous.status()).isEqualTo(303);
        assertThat(anonymous.header("location")).isEqualTo("/signin?next=" + page);
        assertThat(gateway.send("GET", pdf, Map.of("Accept", "application/pdf"), null).status()).isEqualTo(401);
        assertThat(gateway.send("GET", page, Map.of(), null).status()).isEqualTo(401);

        // When the team discards the draft
        HttpResponse<String> discarded = api.delete("/api/editions/2024/chapters/" + slug + "/draft", "demo-quete-de-justice",
                "\"" + revision + "\"");
        assertThat(discarded.statusCode()).as(discarded.body()).isEqualTo(204);

        // Then there is no preview any more: 404 (the French page in a browser), and both are deleted from the previews topic
        HttpResponse<byte[]> gone = fetch(page, bearer("demo-quete-de-justice", HTML));
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(text(gone)).contains("Aucun brouillon en cours").doesNotContain(marker);
        assertThat(fetch(pdf, bearer("demo-quete-de-justice", null)).statusCode()).isEqualTo(404);
        TopicLog topics = new TopicLog(platform.bootstrapServers());
        await("the previews' tombstones").atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, byte[]> latest = new LinkedHashMap<>();
            topics.records(Topics.PREVIEWS.name()).forEach(record -> latest.put(record.key(), record.value()));
            return latest.containsKey(page) && latest.get(page) == null && latest.containsKey(pdf) && latest.get(pdf) == null;
        });
    }
}
