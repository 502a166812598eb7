package org.reportplatform.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.reportplatform.render.site.Site;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The render service against a real broker: source events in, pages out. Each test uses an
 * edition of its own ({@code t1}…, {@code p1}), so tests never see each other's pages, nor those of the other
 * classes on the same service ({@link RenderServiceOnBroker}).
 */
class RenderServiceTest extends RenderServiceOnBroker {

    private static final String NNBSP = "\u202F";

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    @Autowired
    Site site;

    private static Predicate<String> edition(String edition) {
        return key -> key.startsWith("/" + edition + "/");
    }

    private static RenderedOutput output(ConsumerRecord<String, SpecificRecord> record) {
        return (RenderedOutput) record.value();
    }

    private static String html(ConsumerRecord<String, SpecificRecord> record) {
        return new String(bytes(output(record)), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(RenderedOutput output) {
        ByteBuffer content = output.getContent().duplicate();
        byte[] bytes = new byte[content.remaining()];
        content.get(bytes);
        return bytes;
    }

    /** The SHA-256 of {@code content} in lower-case hex, computed here rather than by the service's code. */
    private static String sha256(byte[] content) throws java.security.NoSuchAlgorithmException {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
    }

    private static String pdfText(byte[] pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            org.apache.pdfbox.text.PDFTextStripper stripper = new org.apache.pdfbox.text.PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(document);
        }
    }

    private static ConsumerRecord<String, SpecificRecord> latest(List<ConsumerRecord<String, SpecificRecord>> records, String path) {
        return records.stream().filter(r -> r.key().equals(path)).reduce((a, b) -> b)
                .orElseThrow(() -> new AssertionError("no record for " + path));
    }

    private static Predicate<List<ConsumerRecord<String, SpecificRecord>>> has(String path, Predicate<String> html) {
        return records -> records.stream().anyMatch(r -> r.key().equals(path) && r.value() != null && html.test(html(r)));
    }

    private static List<String> keys(List<ConsumerRecord<String, SpecificRecord>> records) {
        return records.stream().map(ConsumerRecord::key).toList();
    }

    @Test
    void a_chapter_event_produces_its_page_and_the_index_lists_it() throws Exception {
        // Given a new chapter
        ChapterChanged event = sources.chapter("t1", "defenseurs", 1, "Défenseur.e.s des droits humains", 1,
                "Rendre ces détentions **visibles**, c’est déjà les contester.");

        // When the service has rendered it
        List<ConsumerRecord<String, SpecificRecord>> published = pages.awaitRecords(edition("t1"),
                has("/t1/defenseurs", h -> h.contains("déjà les contester")).and(has("/t1/", h -> h.contains("/t1/defenseurs")))
                        .and(has("/t1/chiffres-cles", h -> true)).and(has("/t1/finances", h -> true)));

        // Then its page carries the title as the one h1 and the body rendered from Markdown
        ConsumerRecord<String, SpecificRecord> pageRecord = latest(published, "/t1/defenseurs");
        Document page = Jsoup.parse(html(pageRecord));
        assertThat(page.select("html").attr("lang")).isEqualTo("fr");
        assertThat(page.select("h1").eachText()).containsExactly("Défenseur.e.s des droits humains");
        assertThat(page.select("article strong").text()).isEqualTo("visibles");
        assertThat(page.select("meta[charset]").attr("charset")).isEqualTo("utf-8");
        assertThat(page.select(".site-header .report-title").text()).isEqualTo("Rapport annuel t1");
        assertThat(page.select(".site-nav a").eachAttr("href")).containsExactly("/t1/", "/t1/chiffres-cles", "/t1/finances", "/t1/report.pdf");
        assertThat(page.select("nav.pager a[href=/t1/]")).hasSize(1);
        assertThat(page.select("style").html()).contains("@media print").contains("max-width: 42em").contains("serif");

        // and the published record describes where it comes from
        RenderedOutput out = output(pageRecord);
        assertThat(out.getPath()).isEqualTo("/t1/defenseurs");
        assertThat(out.getEdition()).isEqualTo("t1");
        assertThat(out.getContentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(out.getSha256()).isEqualTo(sha256(html(pageRecord).getBytes(StandardCharsets.UTF_8)));
        assertThat(out.getSourceRevisions()).isEqualTo(Map.of("chapter:t1/defenseurs", 1L));
        assertThat(out.getCauses()).containsExactly(event.getMetadata().getEventId());
        assertThat(out.getTraceparent()).isEqualTo(event.getMetadata().getTraceparent());
        assertThat(out.getSourceChangedAt()).isEqualTo(event.getMetadata().getOccurredAt());
        assertThat(out.getPublishedAt()).isAfterOrEqualTo(out.getSourceChangedAt());

        // and the index lists it
        Document index = Jsoup.parse(html(latest(published, "/t1/")));
        assertThat(index.select("h1").eachText()).containsExactly("Rapport annuel t1");
        assertThat(index.select("nav.toc ol a").eachAttr("href")).containsExactly("/t1/defenseurs");
        assertThat(index.select("nav.toc ol a").text()).isEqualTo("Défenseur.e.s des droits humains");

        // and the edition's key-figures and finance pages exist
        assertThat(keys(published)).contains("/t1/chiffres-cles", "/t1/finances");
    }

    @Test
    void a_chapter_edit_rebuilds_its_page_and_the_pages_listing_it_and_nothing_else() {
        // Given four chapters a, b, c, d, rendered
        sources.chapter("t2", "a", 1, "Chapitre A", 1, "Texte A");
        sources.chapter("t2", "b", 1, "Chapitre B", 2, "Texte B");
        sources.chapter("t2", "c", 1, "Chapitre C", 3, "Texte C");
        sources.chapter("t2", "d", 1, "Chapitre D", 4, "Texte D");
        pages.awaitRecords(edition("t2"), has("/t2/", h -> h.contains("Chapitre D")).and(has("/t2/d", h -> h.contains("Chapitre C")))
                .and(has("/t2/a", h -> h.contains("Chapitre B"))));
        int before = marker.pages(sources.lastSent(), pages);

        // When b's title changes
        sources.chapter("t2", "b", 2, "Chapitre B révisé", 2, "Texte B");

        // Then b, the index and b's neighbours a and c are published once each, with the new title, and nothing else
        marker.pages(sources.lastSent(), pages);
        List<ConsumerRecord<String, SpecificRecord>> rebuilt = Marker.since(pages, before, edition("t2"));
        assertThat(keys(rebuilt)).containsExactlyInAnyOrder("/t2/", "/t2/a", "/t2/b", "/t2/c");
        rebuilt.forEach(r -> assertThat(html(r)).contains("Chapitre B révisé"));
    }

    @Test
    void an_indicator_is_formatted_and_its_change_rebuilds_exactly_the_pages_using_it() {
        // Given a chapter citing indicator cases, one citing nothing, and the indicator
        sources.chapter("t3", "a", 1, "A", 1, "La base a documenté {{fig:cases}} cas.");
        sources.chapter("t3", "b", 1, "B", 2, "Sans chiffre.");
        sources.chapter("t3", "c", 1, "C", 3, "Un autre chiffre : {{fig:other}}.");
        sources.indicator("t3", "cases", 1, IndicatorType.INTEGER, "4445", "cas");
        sources.indicator("t3", "other", 1, IndicatorType.PERCENTAGE, "12.5", null);

        // Then the value is written the French way (CLDR: a no-break space before « % »), in the text and among the key figures
        List<ConsumerRecord<String, SpecificRecord>> published = pages.awaitRecords(edition("t3"),
                has("/t3/a", h -> h.contains("documenté 4" + NNBSP + "445 cas")).and(has("/t3/c", h -> h.contains("12,5&nbsp;%")))
                        .and(has("/t3/", h -> h.contains("4" + NNBSP + "445\u00A0cas") && h.contains("12,5\u00A0%"))));
        Document index = Jsoup.parse(html(latest(published, "/t3/")));
        assertThat(index.select(".key-figures dt").eachText()).containsExactly("Libellé cases", "Libellé other");
        assertThat(output(latest(published, "/t3/a")).getSourceRevisions())
                .isEqualTo(Map.of("chapter:t3/a", 1L, "chapter:t3/b", 1L, "indicator:t3/cases", 1L));
        int before = marker.pages(sources.lastSent(), pages);

        // When the indicator changes
        IndicatorChanged change = sources.indicator("t3", "cases", 2, IndicatorType.INTEGER, "5001", "cas");

        // Then exactly the pages showing it are republished: the page citing it, the index and the key figures
        pages.awaitRecords(edition("t3"), has("/t3/a", h -> h.contains("5" + NNBSP + "001")).and(has("/t3/", h -> h.contains("5" + NNBSP + "001")))
                .and(has("/t3/chiffres-cles", h -> h.contains("5" + NNBSP + "001"))));
        marker.pages(sources.lastSent(), pages);
        List<ConsumerRecord<String, SpecificRecord>> rebuilt = Marker.since(pages, before, edition("t3"));
        assertThat(keys(rebuilt)).containsExactlyInAnyOrder("/t3/", "/t3/a", "/t3/chiffres-cles");
        assertThat(output(latest(rebuilt, "/t3/a")).getCauses()).containsExactly(change.getMetadata().getEventId());
    }

    @Test
    void an_unknown_reference_renders_a_marker_and_is_counted() {
        double before = meters.counter("report.render.missing.references", "kind", "fig").count();

        sources.chapter("t9", "a", 1, "A", 1, "Il y a {{fig:inexistant}} cas.\n\n{{chart:inexistant}}");

        List<ConsumerRecord<String, SpecificRecord>> published = pages.awaitRecords(edition("t9"), has("/t9/a", h -> h.contains("missing-ref")));
        Document page = Jsoup.parse(html(latest(published, "/t9/a")));
        assertThat(page.select(".missing-ref").eachText())
                .containsExactly("[indicateur inconnu : inexistant]", "[jeu de données inconnu : inexistant]");
        assertThat(meters.counter("report.render.missing.references", "kind", "fig").count()).isGreaterThan(before);
    }

    @Test
    void a_chart_reference_renders_the_dataset_as_a_chart_and_a_table() {
        sources.dataset("t10", "revenus", 1, "Revenus par source", List.of(List.of("Gouvernements", "3200000")));
        sources.chapter("t10", "donateurs", 1, "Donateurs", 1, "Nos revenus :\n\n{{chart:revenus}}");

        // the chapter draws it where it says so, the finance page draws every dataset of the edition
        List<ConsumerRecord<String, SpecificRecord>> published = pages.awaitRecords(edition("t10"),
                has("/t10/donateurs", h -> h.contains("<table")).and(has("/t10/finances", h -> h.contains("<table"))));
        for (String path : List.of("/t10/donateurs", "/t10/finances")) {
            Document page = Jsoup.parse(html(latest(published, path)));
            assertThat(page.select("table caption").text()).isEqualTo("Revenus par source");
            assertThat(page.select("thead th").eachText()).containsExactly("label", "amount");
            assertThat(page.select("tbody td").text()).isEqualTo("3" + NNBSP + "200" + NNBSP + "000");
            assertThat(page.select("figure.dataset svg[role=img] title").text()).isEqualTo("Revenus par source");
        }
    }

    @Test
    void an_unchanged_rerender_is_not_republished() {
        // Given a rendered chapter
        sources.chapter("t4", "a", 1, "A", 1, "Texte");
        pages.awaitRecords(edition("t4"), has("/t4/a", h -> h.contains("Texte")).and(has("/t4/", h -> true)));
        documents.awaitRecords(edition("t4"), records -> !records.isEmpty());
        int pagesBefore = marker.pages(sources.lastSent(), pages);
        int documentsBefore = marker.documents(sources.lastSent(), documents);

        // When a change that does not show on any page arrives (a new revision, same content)
        sources.chapter("t4", "a", 2, "A", 1, "Texte");

        // Then the pages and the PDF are rendered again to the same bytes and not published
        marker.pages(sources.lastSent(), pages);
        assertThat(Marker.since(pages, pagesBefore, edition("t4"))).isEmpty();
        marker.documents(sources.lastSent(), documents);
        assertThat(Marker.since(documents, documentsBefore, edition("t4"))).isEmpty();

        // and an operator's full rebuild (pages and PDFs of every edition) publishes nothing of it either
        http.post().uri("/api/ops/rebuild").header("Authorization", "Bearer demo-operator").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.rendered").value(n -> assertThat(((Number) n).intValue()).isGreaterThanOrEqualTo(5))
                .jsonPath("$.unchanged").value(n -> assertThat(((Number) n).intValue()).isGreaterThanOrEqualTo(5));
        marker.pages(null, pages);
        assertThat(Marker.since(pages, pagesBefore, edition("t4"))).isEmpty();
        marker.documents(null, documents);
        assertThat(Marker.since(documents, documentsBefore, edition("t4"))).isEmpty();
    }

    @Test
    void the_rebuild_endpoint_needs_an_operator() {
        http.post().uri("/api/ops/rebuild").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/ops/rebuild").header("Authorization", "Bearer demo-defenseurs").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.status").isEqualTo(403);
        http.post().uri("/api/ops/rebuild").header("Authorization", "Bearer demo-admin").exchange().expectStatus().isOk();
    }

    @Test
    void a_stale_event_does_not_overwrite_a_newer_one() {
        // Given revision 2 of a chapter, rendered
        sources.chapter("t5", "a", 2, "Titre récent", 1, "Texte récent");
        pages.awaitRecords(edition("t5"), has("/t5/a", h -> h.contains("Texte récent")).and(has("/t5/", h -> true)));
        int before = marker.pages(sources.lastSent(), pages);

        // When revision 1 arrives late
        sources.chapter("t5", "a", 1, "Titre ancien", 1, "Texte ancien");

        // Then nothing is rebuilt and the page keeps revision 2
        marker.pages(sources.lastSent(), pages);
        assertThat(Marker.since(pages, before, edition("t5"))).isEmpty();
        assertThat(html(latest(pages.records(edition("t5")), "/t5/a"))).contains("Titre récent").doesNotContain("ancien");
    }

    @Test
    void a_deleted_chapter_is_published_as_a_tombstone() {
        // Given chapters a and b
        sources.chapter("t6", "a", 1, "Chapitre A", 1, "Texte A");
        sources.chapter("t6", "b", 1, "Chapitre B", 2, "Texte B");
        pages.awaitRecords(edition("t6"), has("/t6/b", h -> true).and(has("/t6/a", h -> h.contains("Chapitre B"))).and(has("/t6/", h -> h.contains("Chapitre B"))));

        // When b is deleted
        sources.deleteChapter("t6", "b", 2);

        // Then its page is a tombstone, and the index and a no longer link to it
        List<ConsumerRecord<String, SpecificRecord>> published = pages.awaitRecords(edition("t6"),
                records -> latest(records, "/t6/b").value() == null
                        && !html(latest(records, "/t6/")).contains("Chapitre B") && !html(latest(records, "/t6/a")).contains("Chapitre B"));
        assertThat(Jsoup.parse(html(latest(published, "/t6/"))).select("nav.toc ol a").eachAttr("href")).containsExactly("/t6/a");
    }

    @Test
    void a_malicious_body_renders_harmless() {
        sources.chapter("t7", "a", 1, "Titre <script>alert('titre')</script>", 1, """
                Bonjour <script>alert('x')</script>

                <img src="x" onerror="alert(1)">

                [clic](javascript:alert(1)) et <a href="javascript:alert(2)">lien</a> et <a href="JAVASCRIPT:alert(3)">lien</a>

                <iframe src="https://evil.example/"></iframe>

                ![image](data:image/svg+xml;base64,PHN2Zz4=)

                <p style="background:url(javascript:alert(4))" onclick="alert(5)">fin</p>
                """);

        List<ConsumerRecord<String, SpecificRecord>> published = pages.awaitRecords(edition("t7"), has("/t7/a", h -> h.contains("Bonjour")));
        String page = html(latest(published, "/t7/a"));
        assertThat(page).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("onerror")
                .doesNotContainIgnoringCase("onclick").doesNotContainIgnoringCase("javascript:").doesNotContainIgnoringCase("<iframe")
                .doesNotContain("data:image").doesNotContain("style=\"")
                .contains("Bonjour").contains("clic").contains("fin");
        // the title is text: escaped, not markup
        assertThat(Jsoup.parse(page).select("h1").text()).isEqualTo("Titre <script>alert('titre')</script>");
    }

    @Test
    void a_poison_record_goes_to_the_dead_letter_topic_and_later_events_still_render() {
        try (TopicWatcher<byte[]> deadLetters = new TopicWatcher<>(kafka.bootstrapServers(), Topics.CHAPTERS.deadLetterTopic(),
                new ByteArrayDeserializer())) {
            // Given random bytes, and an event whose key does not match it, on the chapters topic
            byte[] poison = new byte[64];
            new Random(8).nextBytes(poison);
            sources.sendRaw(Topics.CHAPTERS.name(), "t8/poison", poison);
            ChapterChanged mismatched = ChapterChanged.newBuilder(sources.chapter("t8", "ignored", 1, "Ignoré", 9, "x"))
                    .build();
            sources.send(Topics.CHAPTERS.name(), "t8/wrong-key", mismatched);
            // and a chapter whose slug is the path of one of the site's own pages
            sources.chapter("t8", "chiffres-cles", 1, "Un chapitre qui masquerait les chiffres clés", 2, "x");

            // When a valid event follows
            sources.chapter("t8", "a", 1, "Après le poison", 1, "Toujours rendu");

            // Then the poison is in report.chapters.v1.DLT, as it arrived, with the error in headers
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.awaitRecords(key -> key.startsWith("t8/"), records -> records.size() >= 3);
            ConsumerRecord<String, byte[]> poisoned = dead.stream().filter(r -> r.key().equals("t8/poison")).findFirst().orElseThrow();
            assertThat(poisoned.value()).isEqualTo(poison);
            assertThat(header(poisoned, "kafka_dlt-exception-fqcn")).contains("DeserializationException");
            assertThat(header(poisoned, "kafka_dlt-exception-stacktrace")).contains("not an Avro single-object encoded event");
            assertThat(header(poisoned, "kafka_dlt-original-topic")).isEqualTo(Topics.CHAPTERS.name());
            ConsumerRecord<String, byte[]> invalid = dead.stream().filter(r -> r.key().equals("t8/wrong-key")).findFirst().orElseThrow();
            assertThat(header(invalid, "kafka_dlt-exception-message")).contains("does not match the event");
            assertThat(new AvroDeserializer().deserialize(Topics.CHAPTERS.deadLetterTopic(), invalid.value())).isEqualTo(mismatched);
            ConsumerRecord<String, byte[]> reserved = dead.stream().filter(r -> r.key().equals("t8/chiffres-cles")).findFirst().orElseThrow();
            assertThat(header(reserved, "kafka_dlt-exception-message")).contains("slug 'chiffres-cles' is reserved");

            // and the later event is rendered, and the key-figures page is the site's
            pages.awaitRecords(edition("t8"), has("/t8/a", h -> h.contains("Toujours rendu"))
                    .and(has("/t8/chiffres-cles", h -> !h.contains("masquerait"))));
        }
    }

    @Test
    void the_report_pdf_is_published_once_for_a_burst_again_when_a_chapter_changes_and_not_for_an_unchanged_rebuild() throws Exception {
        Predicate<String> pdf = key -> key.equals("/p1/report.pdf");
        // Given a burst: three chapters and twenty changes of a figure
        List<IndicatorChanged> changes = new java.util.ArrayList<>();
        sources.burst(() -> {
            sources.chapter("p1", "a", 1, "Défenseur.e.s des droits humains", 1, "La base a documenté {{fig:cases}} cas.");
            sources.chapter("p1", "b", 1, "Les migrant.e.s", 2, "Celles et ceux qui œuvrent à nos côtés.");
            sources.chapter("p1", "c", 1, "Enfants", 3, "Texte");
            for (int i = 1; i <= 20; i++) {
                changes.add(sources.indicator("p1", "cases", i, IndicatorType.INTEGER, Integer.toString(4425 + i), "cas"));
            }
        });
        IndicatorChanged last = changes.get(changes.size() - 1);

        // Then the PDF is published once, with the final state
        List<ConsumerRecord<String, SpecificRecord>> first = documents.awaitRecords(pdf, records -> !records.isEmpty());
        RenderedOutput out = output(first.get(0));
        assertThat(out.getContentType()).isEqualTo("application/pdf");
        assertThat(out.getSha256()).isEqualTo(sha256(bytes(out)));
        assertThat(out.getCauses()).hasSize(23).contains(last.getMetadata().getEventId());
        // (every event of the burst was applied before that render: a second PDF would come before the marker's)
        marker.documents(null, documents);
        assertThat(documents.records(pdf)).hasSize(1);
        assertThat(out.getSourceRevisions()).containsEntry("indicator:p1/cases", 20L).containsEntry("chapter:p1/c", 1L);
        String text = pdfText(bytes(out));
        assertThat(text).contains("Défenseur.e.s des droits humains").contains("documenté 4" + NNBSP + "445 cas")
                .contains("Celles et ceux qui œuvrent à nos côtés.").contains("Les migrant.e.s");

        // When a chapter changes, it is published once more, showing the change and naming it as its cause
        ChapterChanged edit = sources.chapter("p1", "c", 2, "Enfants", 3, "Un texte révisé");
        List<ConsumerRecord<String, SpecificRecord>> second = documents.awaitRecords(pdf, records -> records.size() >= 2);
        assertThat(pdfText(bytes(output(second.get(1))))).contains("Un texte révisé");
        assertThat(output(second.get(1)).getCauses()).containsExactly(edit.getMetadata().getEventId());

        // When a change shows nowhere (same content, new revision), the PDF is rendered again to the same bytes and not published
        sources.chapter("p1", "c", 3, "Enfants", 3, "Un texte révisé");
        marker.documents(sources.lastSent(), documents);
        assertThat(documents.records(pdf)).hasSize(2);
        // and an operator's rebuild does not publish it either
        http.post().uri("/api/ops/rebuild").header("Authorization", "Bearer demo-operator").exchange().expectStatus().isOk();
        marker.documents(null, documents);
        assertThat(documents.records(pdf)).hasSize(2);
    }

    @Test
    void readiness_is_up_once_the_site_is_rendered() {
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
