package org.reportplatform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.reportplatform.schemas.AccessibilityFindingRecord;
import org.reportplatform.schemas.AccessibilityFindings;
import org.reportplatform.schemas.EditionStatus;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.DraftClosed;
import org.reportplatform.schemas.DraftOutcome;
import org.reportplatform.schemas.DraftState;
import org.reportplatform.schemas.EditionStatus;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.ReviewState;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The drafts' previews against a real broker: a draft event on {@code report.drafts.v1} gives its
 * chapter page and its PDF pages on {@code report.previews.v1}, rendered as publishing would
 * render them; a figure change renders them again; closing the draft deletes them; a
 * translation's draft is previewed in its language, byte for byte the page its publication gives;
 * nothing ever reaches the public topics. Each test uses an edition of its own
 * ({@code 2081}…; the service is shared: {@link RenderServiceOnBroker}).
 */
class DraftPreviewTest extends RenderServiceOnBroker {

    private static final String NNBSP = "\u202F";

    @Autowired
    MeterRegistry meters;

    private static DraftChanged draft(String edition, String slug, long revision, String title, String body) {
        return DraftChanged.newBuilder()
                .setMetadata(SourceTopics.metadata(SourceTopics.newEventId()))
                .setEdition(edition)
                .setSlug(slug)
                .setRevision(revision)
                .setDraft(DraftState.newBuilder().setTitle(title).setBody(body).setBaseRevision(1).setReview(ReviewState.EDITING)
                        .setNotes(List.of()).setSchedule(null).build())
                .build();
    }

    private static DraftChanged closed(String edition, String slug, long revision) {
        return DraftChanged.newBuilder()
                .setMetadata(SourceTopics.metadata(SourceTopics.newEventId()))
                .setEdition(edition)
                .setSlug(slug)
                .setRevision(revision)
                .setDraft(null)
                .setClosed(DraftClosed.newBuilder().setOutcome(DraftOutcome.DISCARDED).setChapterRevision(null).setScheduled(false).build())
                .build();
    }

    private static void send(DraftChanged event) {
        sources.send(Topics.DRAFTS.name(), event.getEdition() + "/" + event.getSlug()
                + (event.getLanguage() == null ? "" : "/" + event.getLanguage()), event);
    }

    /** Waits for the preview at {@code path} of that draft revision satisfying {@code content}; returns it. */
    private static RenderedOutput awaitPreview(String path, String draftKey, long revision, Predicate<RenderedOutput> content) {
        List<ConsumerRecord<String, SpecificRecord>> records = previews.awaitRecords(path::equals, found -> !found.isEmpty()
                && found.get(found.size() - 1).value() instanceof RenderedOutput o
                && Long.valueOf(revision).equals(o.getSourceRevisions().get(draftKey)) && content.test(o));
        return (RenderedOutput) records.get(records.size() - 1).value();
    }

    private static String text(RenderedOutput output) {
        return new String(bytes(output), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(RenderedOutput output) {
        ByteBuffer buffer = output.getContent().duplicate();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static String pdfText(RenderedOutput output) {
        try (PDDocument document = Loader.loadPDF(bytes(output))) {
            return new PDFTextStripper().getText(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Predicate<String> edition(String edition) {
        return key -> key.startsWith("/" + edition + "/");
    }

    private double timed(String output) {
        var timer = meters.find("report.render.draft-preview").tag("output", output).timer();
        return timer == null ? 0 : timer.count();
    }

    @Test
    void an_open_draft_is_previewed_as_its_page_and_pdf_pages_and_nothing_public_changes() {
        // Given an edition with two chapters and a figure, its pages and PDF published
        sources.chapter("2081", "intro", 1, "Introduction", 1, "Le début du rapport.");
        sources.indicator("2081", "enfants.aides", 1, IndicatorType.INTEGER, "1234", "enfants");
        sources.chapter("2081", "enfants", 1, "Enfants", 2, "Le texte publié.");
        documents.awaitRecords(edition("2081"), records -> records.stream().anyMatch(r -> r.value() instanceof RenderedOutput o
                && Long.valueOf(1).equals(o.getSourceRevisions().get("chapter:2081/enfants"))));
        int pagesBefore = marker.pages(sources.lastSent(), pages);
        int documentsBefore = marker.documents(sources.lastSent(), documents);
        double pagesTimed = timed("page");

        // When a draft of enfants is saved
        send(draft("2081", "enfants", 1, "Enfants (brouillon)", "Nous avons aidé **{{fig:enfants.aides}}** enfants. Texte du brouillon."));

        // Then its page preview is the chapter page with the draft's title and text, figures formatted, naming the draft revision
        RenderedOutput page = awaitPreview("/preview/2081/enfants", "draft:2081/enfants", 1, o -> true);
        Document html = Jsoup.parse(text(page));
        assertThat(page.getContentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(page.getEdition()).isEqualTo("2081");
        assertThat(html.select("h1").eachText()).containsExactly("Enfants (brouillon)");
        assertThat(html.select("article").text()).contains("Texte du brouillon").doesNotContain("Le texte publié");
        assertThat(html.select("article strong").text()).isEqualTo("1" + NNBSP + "234");
        assertThat(html.select("nav.pager a").eachAttr("href")).contains("/2081/intro");
        assertThat(timed("page")).isGreaterThan(pagesTimed);

        // and its PDF preview is the chapter's pages of the report, with its number, without the rest of the report
        RenderedOutput pdf = awaitPreview("/preview/2081/enfants.pdf", "draft:2081/enfants", 1, o -> true);
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        String pdfText = pdfText(pdf);
        assertThat(pdfText).contains("Enfants (brouillon)", "Texte du brouillon", "1" + NNBSP + "234")
                .doesNotContain("Le texte publié", "Le début du rapport", "Sommaire");

        // and nothing public came out: once a later event's page and PDF are out (the draft's previews, awaited above,
        // show its events were applied), nothing of 2081 was published since
        marker.pages(null, pages);
        marker.documents(null, documents);
        assertThat(Marker.since(pages, pagesBefore, edition("2081"))).isEmpty();
        assertThat(Marker.since(documents, documentsBefore, edition("2081"))).isEmpty();

        // When the draft changes again, the previews follow with the new revision
        send(draft("2081", "enfants", 2, "Enfants (brouillon)", "Deuxième version du brouillon."));
        assertThat(text(awaitPreview("/preview/2081/enfants", "draft:2081/enfants", 2, o -> true))).contains("Deuxième version");
        assertThat(pdfText(awaitPreview("/preview/2081/enfants.pdf", "draft:2081/enfants", 2, o -> true))).contains("Deuxième version");
    }

    @Test
    void a_figure_change_renders_the_open_drafts_of_its_edition_again() {
        sources.chapter("2082", "enfants", 1, "Enfants", 1, "Texte.");
        sources.indicator("2082", "enfants.aides", 1, IndicatorType.INTEGER, "100", "enfants");
        send(draft("2082", "enfants", 1, "Enfants", "Nous avons aidé {{fig:enfants.aides}} enfants."));
        awaitPreview("/preview/2082/enfants", "draft:2082/enfants", 1, o -> text(o).contains("aidé 100 enfants"));

        // When the figure changes
        sources.indicator("2082", "enfants.aides", 2, IndicatorType.INTEGER, "250", "enfants");

        // Then both previews show the new value, of the same draft revision
        awaitPreview("/preview/2082/enfants", "draft:2082/enfants", 1, o -> text(o).contains("aidé 250 enfants"));
        awaitPreview("/preview/2082/enfants.pdf", "draft:2082/enfants", 1, o -> pdfText(o).contains("aidé 250 enfants"));
    }

    @Test
    void a_closed_draft_has_its_previews_deleted_and_an_older_event_changes_nothing() {
        sources.chapter("2083", "enfants", 1, "Enfants", 1, "Texte.");
        send(draft("2083", "enfants", 4, "Enfants", "Brouillon à abandonner."));
        awaitPreview("/preview/2083/enfants", "draft:2083/enfants", 4, o -> true);
        awaitPreview("/preview/2083/enfants.pdf", "draft:2083/enfants", 4, o -> true);

        // When a stale event (an older revision) arrives, then the draft is discarded
        send(draft("2083", "enfants", 3, "Enfants", "Une version plus ancienne."));
        send(closed("2083", "enfants", 5));

        // Then both previews are deleted (tombstones), and the stale revision was never rendered
        previews.awaitRecords(edition("preview/2083"), records -> records.stream().filter(r -> r.value() == null).map(ConsumerRecord::key)
                .toList().containsAll(List.of("/preview/2083/enfants", "/preview/2083/enfants.pdf")));
        assertThat(previews.records(edition("preview/2083")).stream().filter(r -> r.value() instanceof RenderedOutput o
                && text(o).contains("plus ancienne"))).isEmpty();

        // and a new draft of the same chapter is previewed again
        send(draft("2083", "enfants", 6, "Enfants", "Un nouveau brouillon."));
        awaitPreview("/preview/2083/enfants", "draft:2083/enfants", 6, o -> text(o).contains("nouveau brouillon"));
    }

    @Test
    void a_translation_draft_is_previewed_in_its_language_as_publishing_it_will_show_it_and_nothing_public_changes() {
        // Given edition 2084, published, in French translated into English, its chapter enfants and its English page out
        sources.edition("2084", 1, EditionStatus.PUBLISHED, List.of("en"), true);
        sources.indicator("2084", "enfants.aides", 1, IndicatorType.INTEGER, "1234", "enfants");
        sources.chapter("2084", "enfants", 1, "Enfants", 1, "Le texte français.");
        pages.awaitRecords("/2084/en/enfants"::equals, records -> !records.isEmpty());
        // Each language's PDF comes in a round of its own: both out before anything is counted
        for (String pdf : List.of("/2084/report.pdf", "/2084/en/report.pdf")) {
            documents.awaitRecords(pdf::equals, records -> records.stream().anyMatch(r -> r.value() instanceof RenderedOutput o
                    && Long.valueOf(1).equals(o.getSourceRevisions().get("chapter:2084/enfants"))));
        }
        int pagesBefore = marker.pages(sources.lastSent(), pages);
        int documentsBefore = marker.documents(sources.lastSent(), documents);

        // When a draft of its English translation is saved
        DraftChanged draft = translationDraft("2084", "enfants", "en", 1, "Children", "We helped **{{fig:enfants.aides}}** children.");
        send(draft);

        // Then its preview is the English page: in English, with the draft's text, figures formatted in English
        RenderedOutput page = awaitPreview("/preview/2084/en/enfants", "draft:2084/enfants/en", 1, o -> true);
        Document html = Jsoup.parse(text(page));
        assertThat(html.select("html").attr("lang")).isEqualTo("en");
        assertThat(html.select("h1").eachText()).containsExactly("Children");
        assertThat(html.select("article").text()).contains("We helped").doesNotContain("Le texte français");
        assertThat(html.select("article strong").text()).isEqualTo("1,234");
        assertThat(pdfText(awaitPreview("/preview/2084/en/enfants.pdf", "draft:2084/enfants/en", 1, o -> true)))
                .contains("Children", "We helped", "1,234").doesNotContain("Le texte français");

        // and nothing public came out (checked once a later event's page and PDF are out)
        marker.pages(null, pages);
        marker.documents(null, documents);
        assertThat(Marker.since(pages, pagesBefore, edition("2084"))).isEmpty();
        assertThat(Marker.since(documents, documentsBefore, edition("2084"))).isEmpty();

        // When the translation is published with the draft's text (as content-service does: the chapter's current revision)
        sources.translation("2084", "enfants", "en", 1, "Children", "We helped **{{fig:enfants.aides}}** children.", 1);

        // Then the public English page is byte for byte the preview
        List<ConsumerRecord<String, SpecificRecord>> published = pages.awaitRecords("/2084/en/enfants"::equals,
                records -> records.get(records.size() - 1).value() instanceof RenderedOutput o && text(o).contains("We helped"));
        assertThat(bytes((RenderedOutput) published.get(published.size() - 1).value())).isEqualTo(bytes(page));
    }

    private static DraftChanged translationDraft(String edition, String slug, String language, long revision, String title, String body) {
        DraftChanged draft = draft(edition, slug, revision, title, body);
        draft.setLanguage(language);
        draft.getDraft().setBaseRevision(0);
        return draft;
    }

    /** The findings records of {@code key} so far, once the last one satisfies {@code last} (null: a tombstone). */
    private static List<AccessibilityFindings> awaitFindings(String key, Predicate<AccessibilityFindings> last) {
        return accessibility.awaitRecords(key::equals, found -> !found.isEmpty()
                        && last.test((AccessibilityFindings) found.get(found.size() - 1).value()))
                .stream().map(r -> (AccessibilityFindings) r.value()).toList();
    }

    private static List<String> rules(AccessibilityFindings findings) {
        return findings.getFindings().stream().map(AccessibilityFindingRecord::getRule).toList();
    }

    private double findingsGauge(String rule) {
        return meters.find("report.accessibility.findings").tag("rule", rule).gauge().value();
    }

    @Test
    void a_text_s_accessibility_findings_are_published_when_they_change_and_cleared_when_fixed() {
        // Given an edition translated into English
        sources.edition("2085", 1, EditionStatus.PUBLISHED, List.of("en"), true);
        double gaugeBefore = findingsGauge("IMAGE_WITHOUT_ALT");

        // When a chapter is published with an image without alternative text
        sources.chapter("2085", "enfants", 1, "Enfants", 1, "Un texte.\n\n![](https://example.org/photo.jpg)\n");

        // Then its findings are published under its key, naming the rule, the line and the revision checked
        AccessibilityFindings first = awaitFindings("2085/enfants", f -> f != null && f.getSourceRevision() == 1).get(0);
        assertThat(first.getEdition()).isEqualTo("2085");
        assertThat(first.getLanguage()).isNull();
        assertThat(first.getDraft()).isFalse();
        assertThat(first.getFindings()).singleElement().satisfies(finding -> {
            assertThat(finding.getRule()).isEqualTo("IMAGE_WITHOUT_ALT");
            assertThat(finding.getLine()).isEqualTo(3);
            assertThat(finding.getMessage()).contains("texte alternatif");
        });
        // (the gauge counts what Kafka acknowledged: awaited, the watcher may read the record first)
        await().atMost(Duration.ofSeconds(10)).until(() -> findingsGauge("IMAGE_WITHOUT_ALT") == gaugeBefore + 1);

        // When its text changes but not its findings, and then the author fixes the image
        sources.chapter("2085", "enfants", 2, "Enfants", 1, "Un autre texte.\n\n![](https://example.org/photo.jpg)\n");
        sources.chapter("2085", "enfants", 3, "Enfants", 1, "Un autre texte.\n\n![Une salle d'audience](https://example.org/photo.jpg)\n");

        // Then an empty list is published for revision 3, and nothing was published for revision 2
        List<AccessibilityFindings> all = awaitFindings("2085/enfants", f -> f != null && f.getSourceRevision() == 3);
        assertThat(all).extracting(AccessibilityFindings::getSourceRevision).containsExactly(1L, 3L);
        assertThat(all.get(1).getFindings()).isEmpty();
        await().atMost(Duration.ofSeconds(10)).until(() -> findingsGauge("IMAGE_WITHOUT_ALT") == gaugeBefore);

        // And a translation is checked under its own key
        sources.translation("2085", "enfants", "en", 1, "Children", "Read the report [here](https://example.org/r).", 3);
        AccessibilityFindings english = awaitFindings("2085/enfants/en", f -> f != null).get(0);
        assertThat(english.getLanguage()).isEqualTo("en");
        assertThat(rules(english)).containsExactly("VAGUE_LINK_TEXT");

        // When the chapter is deleted, Then its findings and its translation's are tombstones
        sources.deleteChapter("2085", "enfants", 4);
        awaitFindings("2085/enfants", f -> f == null);
        awaitFindings("2085/enfants/en", f -> f == null);
    }

    @Test
    void an_open_draft_is_checked_with_its_preview_and_its_findings_removed_when_it_closes() {
        sources.chapter("2086", "enfants", 1, "Enfants", 1, "Texte.");
        awaitFindings("2086/enfants", f -> f != null && f.getFindings().isEmpty());

        // When a draft with a skipped heading level is saved
        send(draft("2086", "enfants", 1, "Enfants", "### Trop bas\n\nTexte."));

        // Then the draft's findings are published beside the chapter's, as a draft
        AccessibilityFindings draft = awaitFindings("2086/enfants/draft", f -> f != null).get(0);
        assertThat(draft.getDraft()).isTrue();
        assertThat(draft.getSourceRevision()).isEqualTo(1);
        assertThat(rules(draft)).containsExactly("SKIPPED_HEADING_LEVEL");

        // When the draft is closed, Then its findings are a tombstone
        send(closed("2086", "enfants", 2));
        assertThat(awaitFindings("2086/enfants/draft", f -> f == null)).hasSize(2);
    }
}
