package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.DraftOutcome;

/**
 * A draft's life on the real platform, through the gateway, in edition 2024 (which requires
 * review): it changes nothing public until published; submitted, sent back, approved, published;
 * a publish conflict merged; and publishing a draft gives the same page as writing the same text
 * directly. Chapters of this class: enfants, femmes, migrants, partenaires-locaux,
 * initiatives-culturelles (a direct edit only).
 */
@ExtendWith(DraftsPlatform.class)
class DraftsLifecycleTest {

    private static final String ADMIN = ReportApi.ADMIN;

    private final Platform platform = DraftsPlatform.get();
    private final RawHttp raw = new RawHttp(platform.gatewayUrl());
    private final Http gateway = new Http(platform.gatewayUrl());
    private final DraftApi drafts = new DraftApi(raw);
    private final ReportApi api = new ReportApi(raw);

    @Test
    void aDraftChangesNothingPublic() {
        // Given the team « Enfants » saves a draft with a word the report does not have
        String secret = marker();
        long revision = drafts.start("enfants", "demo-enfants", drafts.body("enfants") + "\n\nBrouillon " + secret + ".");
        assertThat(drafts.save("enfants", "demo-enfants", revision, drafts.body("enfants") + "\n\nBrouillon " + secret + " relu.")
                .status()).isEqualTo(200);

        // When, later, an admin edits another chapter directly, and that edit is served, on the page and in the PDF
        String later = marker();
        RawHttp.Answer edited = api.updateChapter("2024", "initiatives-culturelles", ADMIN, drafts.revision("initiatives-culturelles"),
                drafts.title("initiatives-culturelles"), drafts.body("initiatives-culturelles") + "\n\nCorrection " + later + ".");
        assertThat(edited.status()).as("direct edit: %s", edited).isEqualTo(200);
        await("the later edit on its page").atMost(Duration.ofSeconds(60))
                .until(() -> gateway.get("/2024/initiatives-culturelles").body().contains(later));
        String[] pdf = new String[1];
        await("the later edit in the PDF").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> (pdf[0] = PdfText.of(gateway.getBytes("/2024/report.pdf").body())).contains(later));

        // Then the draft's word is on no public page, in no chapter event and not in the PDF
        assertThat(gateway.get("/2024/enfants").body()).doesNotContain(secret);
        assertThat(gateway.get("/2024/").body()).doesNotContain(secret);
        assertThat(pdf[0]).doesNotContain(secret);
        assertThat(DraftApi.chapterEvents("enfants")).noneMatch(e -> e.getChapter() != null && e.getChapter().getBody().contains(secret));
        assertThat(drafts.body("enfants")).doesNotContain(secret);

        // and it is discarded: still nothing public
        RawHttp.Answer draft = drafts.get("enfants", "demo-enfants");
        assertThat(raw.send("DELETE", DraftApi.draft("enfants"), ReportApi.headers("demo-enfants", "If-Match", draft.header("etag")), null)
                .status()).isEqualTo(204);
        assertThat(drafts.get("enfants", "demo-enfants").status()).isEqualTo(404);
        assertThat(drafts.body("enfants")).doesNotContain(secret);
    }

    @Test
    void aDraftIsReviewedThenPublishedAndAChangeAfterApprovalNeedsANewOne() {
        String slug = "femmes";
        String team = "demo-femmes";
        String original = drafts.body(slug);
        long chapterRevision = drafts.revision(slug);

        // Given edition 2024 requires review: the team's direct edit is refused
        RawHttp.Answer direct = api.updateChapter("2024", slug, team, chapterRevision, drafts.title(slug), original + " Direct.");
        assertThat(direct.status()).isEqualTo(409);
        assertThat((String) JsonPath.read(direct.body(), "$.errors[0].field")).isEqualTo("body");

        // When the team writes a draft, publishing it unapproved is refused
        String first = marker();
        long revision = drafts.start(slug, team, original + "\n\nVersion " + first + ".");
        RawHttp.Answer unapproved = drafts.act(slug, "publish", team, null, null);
        assertThat(unapproved.status()).isEqualTo(409);
        assertThat((String) JsonPath.read(unapproved.body(), "$.errors[0].field")).isEqualTo("review");

        // and it is submitted, and the reviewer asks for changes with a comment
        revision = ReportApi.revision(drafts.act(slug, "submit", team, revision, "{}"));
        RawHttp.Answer sentBack = drafts.act(slug, "request-changes", DraftApi.REVIEWER, revision, "{\"comment\": \"Citez la source.\"}");
        assertThat(sentBack.status()).isEqualTo(200);
        assertThat((String) JsonPath.read(sentBack.body(), "$.review")).isEqualTo("changes-requested");
        assertThat((List<String>) JsonPath.read(sentBack.body(), "$.notes[*].comment")).contains("Citez la source.");
        revision = ReportApi.revision(sentBack);

        // and the team edits and submits again; the team cannot approve, the reviewer does
        String second = marker();
        String text = original + "\n\nVersion " + second + ", source : rapport annuel.";
        revision = ReportApi.revision(drafts.save(slug, team, revision, text));
        revision = ReportApi.revision(drafts.act(slug, "submit", team, revision, "{}"));
        assertThat(drafts.act(slug, "approve", team, revision, "{}").status()).isEqualTo(403);
        RawHttp.Answer approved = drafts.act(slug, "approve", DraftApi.REVIEWER, revision, "{\"comment\": \"Parfait.\"}");
        assertThat((String) JsonPath.read(approved.body(), "$.review")).isEqualTo("approved");
        revision = ReportApi.revision(approved);

        // and a change after approval takes it back to editing: publishing needs a new approval
        text = text + " Dernière retouche.";
        RawHttp.Answer retouched = drafts.save(slug, team, revision, text);
        assertThat((String) JsonPath.read(retouched.body(), "$.review")).isEqualTo("editing");
        assertThat((List<String>) JsonPath.read(retouched.body(), "$.notes[*].kind")).last().isEqualTo("approval-withdrawn");
        assertThat(drafts.act(slug, "publish", team, null, null).status()).isEqualTo(409);
        drafts.submitAndApprove(slug, team);
        assertThat(drafts.body(slug)).isEqualTo(original);

        // When the team publishes it
        RawHttp.Answer published = drafts.act(slug, "publish", team, null, null);

        // Then the chapter's next revision is the draft's text, served on the public page; the draft is closed once
        assertThat(published.status()).as("publish: %s", published).isEqualTo(200);
        assertThat(ReportApi.revision(published)).isEqualTo(chapterRevision + 1);
        String served = text;
        await("the published draft on the page").atMost(Duration.ofSeconds(60))
                .until(() -> gateway.get("/2024/femmes").body().contains("Dernière retouche"));
        assertThat(drafts.body(slug)).isEqualTo(served);
        assertThat(drafts.get(slug, team).status()).isEqualTo(404);
        List<DraftChanged> closes = DraftApi.draftEvents(slug).stream().filter(e -> e.getClosed() != null).toList();
        assertThat(closes).hasSize(1);
        assertThat(closes.get(0).getClosed().getOutcome()).isEqualTo(DraftOutcome.PUBLISHED);
        assertThat(closes.get(0).getClosed().getChapterRevision()).isEqualTo(chapterRevision + 1);
    }

    @Test
    void aChapterChangedSinceTheDraftStartedIsAConflictUntilMerged() {
        String slug = "migrants";
        String team = "demo-migrants";
        String original = drafts.body(slug);

        // Given the team's approved draft adds a paragraph, and meanwhile an admin corrects the chapter directly
        String added = "Ajout de l’équipe " + marker() + ".";
        long base = drafts.revision(slug);
        drafts.start(slug, team, original + "\n\n" + added);
        long revision = drafts.submitAndApprove(slug, team);
        String correction = "Correction " + marker() + ".";
        assertThat(api.updateChapter("2024", slug, ADMIN, base, drafts.title(slug), correction + "\n\n" + original).status()).isEqualTo(200);

        // When the team publishes
        RawHttp.Answer conflict = drafts.act(slug, "publish", team, null, null);

        // Then 409 with the three versions to merge, and nothing published
        assertThat(conflict.status()).as("conflict: %s", conflict).isEqualTo(409);
        assertThat((String) JsonPath.read(conflict.body(), "$.draft.body")).isEqualTo(original + "\n\n" + added);
        assertThat((String) JsonPath.read(conflict.body(), "$.published.body")).isEqualTo(correction + "\n\n" + original);
        assertThat((String) JsonPath.read(conflict.body(), "$.base.body")).isEqualTo(original);
        assertThat(((Number) JsonPath.read(conflict.body(), "$.base.revision")).longValue()).isEqualTo(base);
        long published = ((Number) JsonPath.read(conflict.body(), "$.published.revision")).longValue();
        assertThat(published).isEqualTo(base + 1);
        assertThat(drafts.revision(slug)).isEqualTo(base + 1);

        // When the merged text is saved on the published revision (a new review), Then it publishes
        String merged = correction + "\n\n" + original + "\n\n" + added;
        RawHttp.Answer rebased = drafts.saveMerged(slug, team, revision, merged, published);
        assertThat(rebased.status()).as("merged: %s", rebased).isEqualTo(200);
        assertThat((Boolean) JsonPath.read(rebased.body(), "$.stale")).isFalse();
        drafts.submitAndApprove(slug, team);
        RawHttp.Answer done = drafts.act(slug, "publish", team, null, null);
        assertThat(done.status()).as("publish: %s", done).isEqualTo(200);
        assertThat(drafts.body(slug)).isEqualTo(merged);
    }

    /**
     * The same text reaches the page the same way, whether written directly or published from a
     * draft: the page's bytes are equal. (The chapter page shows title, body and the neighbours'
     * titles; no revision, time or author: so equal bytes is the honest expectation.)
     */
    @Test
    void publishingADraftGivesTheSamePageAsWritingTheTextDirectly() {
        String slug = "partenaires-locaux";
        String original = drafts.body(slug);
        String text = original + "\n\nParagraphe *identique* " + marker() + ", avec une [source](https://www.omct.org).";

        // Given the text written directly (by an admin: the edition requires review), its page captured, then the chapter restored
        assertThat(api.updateChapter("2024", slug, ADMIN, drafts.revision(slug), drafts.title(slug), text).status()).isEqualTo(200);
        byte[] direct = awaitPage(slug, page -> page.contains("identique"));
        assertThat(api.updateChapter("2024", slug, ADMIN, drafts.revision(slug), drafts.title(slug), original).status()).isEqualTo(200);
        awaitPage(slug, page -> !page.contains("identique"));

        // When the same text goes through a draft, approved and published by the team
        drafts.start(slug, "demo-partenaires-locaux", text);
        drafts.submitAndApprove(slug, "demo-partenaires-locaux");
        assertThat(drafts.act(slug, "publish", "demo-partenaires-locaux", null, null).status()).isEqualTo(200);

        // Then the page is byte for byte the one the direct write gave
        byte[] published = awaitPage(slug, page -> page.contains("identique"));
        assertThat(Arrays.equals(published, direct)).as("page bytes equal (%d and %d bytes)", published.length, direct.length).isTrue();
    }

    private byte[] awaitPage(String slug, java.util.function.Predicate<String> served) {
        byte[][] page = new byte[1][];
        await("/2024/" + slug).atMost(Duration.ofSeconds(60)).until(() -> {
            HttpResponse<byte[]> answer = gateway.getBytes("/2024/" + slug);
            page[0] = answer.body();
            return answer.statusCode() == 200 && served.test(new String(answer.body(), java.nio.charset.StandardCharsets.UTF_8));
        });
        return page[0];
    }

    /** A word no report has: letters the renderers leave alone, digits no hyphenation splits. */
    static String marker() {
        return "zq" + ThreadLocalRandom.current().nextInt(100_000, 1_000_000);
    }
}
