package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorScheduleChanged;
import org.reportplatform.schemas.ScheduleOutcome;
import org.reportplatform.schemas.Topics;

/**
 * A new value of a key figure scheduled for a time goes public at that time, on the chapter page
 * that shows it and in the report's PDF, and not before; once, whether figures-service runs
 * throughout, restarts in between, or is stopped when the time comes.
 *
 * <p>On the shared drafts platform this class uses only the indicators sanad.victims-assisted
 * (chapter soutien-aux-victimes), intervention.regions (message-presidente) and
 * convention.anniversary (comite-contre-la-torture). The clock is shared: every time here is
 * relative to where it stands, and it only moves forward.
 */
@ExtendWith(DraftsPlatform.class)
class ScheduledIndicatorValueTest {

    private static final ZoneId ZURICH = ZoneId.of("Europe/Zurich");
    private static final String FIGURES = "figures-service";

    /** A demo indicator, the team that owns it, its fields (a schedule carries them all), and the sentence that shows it. */
    private record Figure(String id, String team, String label, String unit, String source, String page, IntFunction<String> sentence) {
    }

    private static final Figure VICTIMS = new Figure("sanad.victims-assisted", "soutien-aux-victimes",
            "Victimes de torture assistées en Tunisie", "personnes", "Programme d’assistance directe SANAD, Tunisie",
            "/2024/soutien-aux-victimes", value -> "En 2024, " + value + " victimes de torture");
    private static final Figure REGIONS = new Figure("intervention.regions", "reponse-aux-crises",
            "Régions où la capacité d’intervention a été renforcée", "régions", "Rapport annuel 2024 de l’OMCT, message de la présidente",
            "/2024/message-presidente", value -> "capacité d’intervention dans " + value + " régions");
    private static final Figure ANNIVERSARY = new Figure("convention.anniversary", "comite-contre-la-torture",
            "Anniversaire de la Convention des Nations unies contre la torture", "ans", "Convention des Nations unies contre la torture",
            "/2024/comite-contre-la-torture", value -> "les " + value + " ans de la Convention");

    private final Http gateway = new Http(DraftsPlatform.get().gatewayUrl());
    private final TopicLog topics = new TopicLog(DraftsPlatform.get().bootstrapServers());

    @Test
    void aScheduledValueIsOnThePageWithinASecondOfItsTimeAndInThePdfAndNotBefore() {
        Scheduled scheduled = scheduleAhead(VICTIMS, 158, 587);
        RawHttp.Answer calendar = new RawHttp(DraftsPlatform.get().gatewayUrl()).get("/api/editions/2024/indicators:scheduled", "demo-reviewer");
        assertThat(calendar.status()).as(calendar.body()).isEqualTo(200);
        assertThat(calendar.body()).contains("\"indicatorId\":\"sanad.victims-assisted\"").contains("\"value\":587");

        provePublishedAtItsTimeAndNotBefore(VICTIMS, 158, 587, scheduled.time());
        provePublishedOnce(VICTIMS, scheduled.revisions(), scheduled.time());
    }

    @Test
    void aValueScheduledBeforeARestartOfTheFiguresServiceIsPublishedAtItsTime() {
        Scheduled scheduled = scheduleAhead(REGIONS, 5, 17);

        ServiceProcess figures = DraftsPlatform.get().service(FIGURES);
        figures.stop();
        figures.restart(Duration.ofSeconds(120));

        provePublishedAtItsTimeAndNotBefore(REGIONS, 5, 17, scheduled.time());
        provePublishedOnce(REGIONS, scheduled.revisions(), scheduled.time());
    }

    @Test
    void aTimeThatPassedWhileTheFiguresServiceWasStoppedIsPublishedWhenItStarts() {
        Scheduled scheduled = scheduleAhead(ANNIVERSARY, 40, 41);

        ServiceProcess figures = DraftsPlatform.get().service(FIGURES);
        figures.stop();
        Instant afterTheTime = scheduled.time().plusSeconds(30);
        DraftsPlatform.setClock(afterTheTime);
        assertThat(revisions(ANNIVERSARY)).isEqualTo(scheduled.revisions());
        figures.restart(Duration.ofSeconds(120));
        long ready = System.nanoTime();

        await("the value published at start").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> pageText(ANNIVERSARY).contains(ANNIVERSARY.sentence().apply(41)));
        System.out.printf("[schedules] a value due while figures-service was stopped: on the page %d ms after it was ready%n",
                (System.nanoTime() - ready) / 1_000_000);
        provePublishedOnce(ANNIVERSARY, scheduled.revisions(), afterTheTime);
    }

    /** A value scheduled ten minutes ahead of the shared clock, and how many revisions the indicator had then. */
    private record Scheduled(Instant time, long revisions) {
    }

    /** Checks the page shows {@code before}, then schedules {@code after} ten minutes after the shared clock, on the minute. */
    private Scheduled scheduleAhead(Figure figure, int before, int after) {
        assertThat(pageText(figure)).contains(figure.sentence().apply(before));
        long revisions = revisions(figure);
        Instant time = DraftsPlatform.clock().plus(10, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);
        String json = "{\"label\":" + ReportApi.quote(figure.label()) + ",\"type\":\"integer\",\"value\":" + after
                + ",\"unit\":" + ReportApi.quote(figure.unit()) + ",\"period\":\"2024\",\"source\":" + ReportApi.quote(figure.source())
                + ",\"at\":\"" + LocalDateTime.ofInstant(time, ZURICH) + "\",\"timeZone\":\"Europe/Zurich\"}";
        HttpResponse<String> scheduled = gateway.put("/api/editions/2024/indicators/" + figure.id() + "/schedule", "demo-" + figure.team(),
                null, json);
        assertThat(scheduled.statusCode()).as(scheduled.body()).isEqualTo(201);
        return new Scheduled(time, revisions);
    }

    /**
     * One second before the time, once the scheduler has looked at that clock: still the old value
     * on the topic, the page and in the PDF. At the time: the indicator's next revision within a second,
     * then the page and the PDF show it.
     */
    private void provePublishedAtItsTimeAndNotBefore(Figure figure, int before, int after, Instant time) {
        long revisions = revisions(figure);
        DraftsPlatform.setClock(time.minusSeconds(1));
        awaitSchedulerLookedAt(time.minusSeconds(1));
        assertThat(revisions(figure)).as("revisions of " + figure.id() + " a second before its time").isEqualTo(revisions);
        assertThat(pageText(figure)).contains(figure.sentence().apply(before)).doesNotContain(figure.sentence().apply(after));
        assertThat(pdfText()).contains(figure.sentence().apply(before)).doesNotContain(figure.sentence().apply(after));

        Http figures = new Http(DraftsPlatform.get().service(FIGURES).url());
        String api = "/api/editions/2024/indicators/" + figure.id();
        long start = System.nanoTime();
        DraftsPlatform.setClock(time);
        // The scheduler's part, strictly: within a second of the time, the indicator's next revision is
        // committed (figures-service shows a write only once Kafka committed it; the topic is read below).
        await(figure.id() + "'s next revision committed").atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                .until(() -> figures.get(api).body().contains("\"value\":" + after));
        long committed = System.nanoTime() - start;
        // The page follows through the render pipeline (tens of milliseconds on a quiet machine). The
        // bound leaves room for a 2-core machine shared with other builds (seen above 1 s at load 20).
        await(figure.page() + " with the scheduled value").atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .until(() -> pageText(figure).contains(figure.sentence().apply(after)));
        long page = System.nanoTime() - start;
        // The PDF is rebuilt off the page path, at most once per document window (1 s, render-service): a few seconds.
        await("the PDF with the scheduled value").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(20))
                .until(() -> pdfText().contains(figure.sentence().apply(after)));
        long pdf = System.nanoTime() - start;
        System.out.printf("[schedules] %s published: committed %d ms, page %d ms, PDF %d ms after its time%n", figure.id(),
                committed / 1_000_000, page / 1_000_000, pdf / 1_000_000);
    }

    /**
     * After a later look of the scheduler: exactly one new revision of the indicator, and the
     * schedule closed once, PUBLISHED, naming that revision.
     */
    private void provePublishedOnce(Figure figure, long revisionsBefore, Instant time) {
        Instant later = time.plusSeconds(2);
        DraftsPlatform.setClock(later);
        awaitSchedulerLookedAt(later);
        List<IndicatorChanged> revisions = indicatorEvents(figure);
        assertThat(revisions).hasSize((int) revisionsBefore + 1);
        IndicatorChanged published = revisions.get(revisions.size() - 1);
        assertThat(published.getMetadata().getActor()).isEqualTo("demo-" + figure.team());
        List<IndicatorScheduleChanged> closes = topics.events(Topics.INDICATOR_SCHEDULES.name(), IndicatorScheduleChanged.class).stream()
                .filter(e -> e.getEdition().equals("2024") && e.getIndicatorId().equals(figure.id()) && e.getClosed() != null).toList();
        assertThat(closes).hasSize(1);
        assertThat(closes.get(0).getClosed().getOutcome()).isEqualTo(ScheduleOutcome.PUBLISHED);
        assertThat(closes.get(0).getClosed().getIndicatorRevision()).isEqualTo(published.getRevision());
    }

    /** Waits until figures-service's indicator scheduler has looked at the clock at {@code now} (its gauge), so all due by then fired. */
    private static void awaitSchedulerLookedAt(Instant now) {
        Http figures = new Http(DraftsPlatform.get().service(FIGURES).url());
        await("the indicator scheduler looked at " + now).atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> checkedUntil(figures.get("/actuator/prometheus").body()) >= now.getEpochSecond());
    }

    /** {@code report_scheduling_checked_until{kind="indicator"}} from a Prometheus scrape, in epoch seconds. */
    private static double checkedUntil(String scrape) {
        return scrape.lines().filter(l -> l.startsWith("report_scheduling_checked_until{") && l.contains("kind=\"indicator\""))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError("figures-service exposes no report_scheduling_checked_until{kind=\"indicator\"}"));
    }

    private long revisions(Figure figure) {
        return indicatorEvents(figure).size();
    }

    private List<IndicatorChanged> indicatorEvents(Figure figure) {
        return topics.events(Topics.INDICATORS.name(), IndicatorChanged.class).stream()
                .filter(e -> e.getEdition().equals("2024") && e.getIndicatorId().equals(figure.id())).toList();
    }

    /** The page's text: tags removed, spaces (no-break ones included) made plain, as a reader sees it. */
    private String pageText(Figure figure) {
        HttpResponse<String> page = gateway.get(figure.page());
        assertThat(page.statusCode()).isEqualTo(200);
        return Normalizer.normalize(page.body().replaceAll("<[^>]+>", ""), Normalizer.Form.NFKC).replaceAll("\\s+", " ");
    }

    private String pdfText() {
        HttpResponse<byte[]> pdf = gateway.getBytes("/2024/report.pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        return PdfText.of(pdf.body());
    }
}
