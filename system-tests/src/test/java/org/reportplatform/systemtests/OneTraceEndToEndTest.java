package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reportplatform.platform.testing.SseRecorder;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;

/**
 * One edit's trace followed end to end, on the platform as processes: a PUT sent to the gateway
 * with a W3C {@code traceparent} header of a known trace id; the same trace id is in the chapter
 * event's metadata on {@code report.chapters.v1}, in the rendered page on {@code report.pages.v1}
 * (the record whose causes name that event), and in the web team's live notice of the new page
 * ({@code /api/live}). Every hop starts a span of its own (the span id changes), the trace id never does.
 */
@ExtendWith(SharedPlatform.class)
class OneTraceEndToEndTest {

    private static final String EDITION = "2098";
    private static final String SLUG = "suivi";
    private static final String PAGE = "/" + EDITION + "/" + SLUG;

    private final SharedPlatform.Running platform = SharedPlatform.get();
    private final ReportApi api = new ReportApi(platform.gateway());

    @Test
    void theTraceIdOfAnEditIsInItsEventItsPageAndItsLiveNotice() throws Exception {
        // Given a chapter, and the web team watching the live stream
        assertThat(api.createChapter(EDITION, SLUG, "enfants", "Suivi", "Premier texte.").status()).isEqualTo(201);
        try (SseRecorder live = SseRecorder.open(platform.platform().gatewayUrl(), "/api/live", "demo-webteam")) {

            // When its team changes it, the request carrying a traceparent of a known trace id
            String traceId = hex(16);
            Map<String, String> headers = new HashMap<>(ReportApi.headers("demo-enfants", "If-Match", "\"1\""));
            headers.put("traceparent", "00-" + traceId + "-" + hex(8) + "-01");
            RawHttp.Answer put = platform.gateway().send("PUT", ReportApi.chapters(EDITION) + "/" + SLUG, headers,
                    ReportApi.json("{\"title\": %s, \"body\": %s}", "Suivi", "Texte suivi de bout en bout."));
            assertThat(put.status()).as(put.toString()).isEqualTo(200);

            // Then the chapter event carries the trace id
            ChapterChanged event = await("the chapter event").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> chapterEvent(2), Optional::isPresent).orElseThrow();
            assertThat(traceIdOf(event.getMetadata().getTraceparent())).as("the chapter event's trace id").isEqualTo(traceId);
            String eventId = event.getMetadata().getEventId();

            // and so does the page the render service published for it
            RenderedOutput page = await("the page rendered for the event").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(200)).until(() -> pageCausedBy(eventId), Optional::isPresent).orElseThrow();
            assertThat(traceIdOf(page.getTraceparent())).as("the published page's trace id").isEqualTo(traceId);

            // and the live notice of the new page
            String notice = live.await(0, received -> isNoticeOf(received.event().data(), eventId), Duration.ofSeconds(30))
                    .event().data();
            assertThat(traceIdOf(JsonPath.read(notice, "$.traceparent"))).as("the live notice's trace id").isEqualTo(traceId);
        }
    }

    private Optional<ChapterChanged> chapterEvent(long revision) {
        return platform.topics().records(Topics.CHAPTERS.name()).stream()
                .filter(entry -> (EDITION + "/" + SLUG).equals(entry.key()))
                .map(TopicLog.Entry::event)
                .filter(e -> e instanceof ChapterChanged c && c.getRevision() == revision)
                .map(ChapterChanged.class::cast)
                .findFirst();
    }

    private Optional<RenderedOutput> pageCausedBy(String eventId) {
        return platform.topics().records(Topics.PAGES.name()).stream()
                .filter(entry -> PAGE.equals(entry.key()))
                .map(TopicLog.Entry::event)
                .filter(e -> e instanceof RenderedOutput output && output.getCauses().contains(eventId))
                .map(RenderedOutput.class::cast)
                .findFirst();
    }

    /** Whether a live notice is the one of this test's page that names {@code eventId} among its causes. */
    private static boolean isNoticeOf(String json, String eventId) {
        // a cheap look first: other notices (a reset, other pages) need no parsing
        return json != null && json.contains(eventId) && PAGE.equals(JsonPath.read(json, "$.path"))
                && JsonPath.<List<String>>read(json, "$.causes").contains(eventId);
    }

    /** The trace id of a W3C traceparent ({@code version-traceid-spanid-flags}), or null. */
    private static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.split("-");
        return parts.length == 4 ? parts[1] : traceparent;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
