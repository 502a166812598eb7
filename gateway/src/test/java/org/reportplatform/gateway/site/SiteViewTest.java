package org.reportplatform.gateway.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.reportplatform.gateway.testing.RenderedOutputs.html;
import static org.reportplatform.gateway.testing.RenderedOutputs.sha256Hex;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.reportplatform.schemas.RenderedOutput;
import reactor.core.Disposable;

class SiteViewTest {

    private static final String PAGES = "report.pages.v1";
    private static final String DOCUMENTS = "report.documents.v1";

    private final SiteView view = new SiteView(List.of(PAGES, DOCUMENTS));

    @Test
    void aRecordReplacesThePathAndATombstoneRemovesIt() {
        view.apply(PAGES, "/2024/enfants", html("/2024/enfants", "<p>v1</p>"));
        view.apply(PAGES, "/2024/enfants", html("/2024/enfants", "<p>v2</p>"));

        assertThat(view.get("/2024/enfants")).get().satisfies(entry -> {
            assertThat(new String(entry.content())).isEqualTo("<p>v2</p>");
            assertThat(entry.etag()).isEqualTo("\"" + sha256Hex("<p>v2</p>") + "\"");
            assertThat(entry.contentType().toString()).isEqualTo("text/html;charset=UTF-8");
        });

        view.apply(PAGES, "/2024/enfants", null);
        assertThat(view.get("/2024/enfants")).isEmpty();
        assertThat(view.size()).isZero();
    }

    @Test
    void theNewestEditionIsTheHighestNumberAmongTheIndexPages() {
        view.apply(PAGES, "/999/", html("/999/", "a"));
        view.apply(PAGES, "/2024/", html("/2024/", "b"));
        view.apply(PAGES, "/2025/chapitre", html("/2025/chapitre", "not an index"));
        assertThat(view.newestEdition()).contains("2024");

        view.apply(PAGES, "/10000/", html("/10000/", "c"));
        assertThat(view.newestEdition()).contains("10000");

        view.apply(PAGES, "/10000/", null);
        assertThat(view.newestEdition()).contains("2024");
    }

    @Test
    void aTombstoneOnOneTopicLeavesTheOtherTopicsOutput() {
        view.apply(PAGES, "/2024/report.pdf", html("/2024/report.pdf", "page"));
        view.apply(DOCUMENTS, "/2024/report.pdf", html("/2024/report.pdf", "document"));
        assertThat(view.get("/2024/report.pdf")).get().extracting(SiteEntry::topic).isEqualTo(PAGES);

        view.apply(PAGES, "/2024/report.pdf", null);
        assertThat(view.get("/2024/report.pdf")).get().extracting(SiteEntry::topic).isEqualTo(DOCUMENTS);
    }

    @Test
    void aMissingOrMalformedSha256IsComputedFromTheBytes() {
        RenderedOutput output = html("/2024/femmes", "<p>Femmes</p>");
        output.setSha256("not-a-digest");

        view.apply(PAGES, "/2024/femmes", output);

        assertThat(view.get("/2024/femmes")).get().extracting(SiteEntry::sha256).isEqualTo(sha256Hex("<p>Femmes</p>"));
    }

    @Test
    void changesAreStreamedOnlyAfterTheInitialRead() {
        List<SiteChange> seen = new CopyOnWriteArrayList<>();
        Disposable subscription = view.changes().subscribe(seen::add);

        view.apply(PAGES, "/2024/migrants", html("/2024/migrants", "initial"));
        view.markCaughtUp();
        view.apply(PAGES, "/2024/enfants", html("/2024/enfants", "live"));
        view.apply(PAGES, "/2024/migrants", null);
        subscription.dispose();

        assertThat(seen).extracting(SiteChange::path, SiteChange::removed).containsExactly(
                tuple("/2024/enfants", false),
                tuple("/2024/migrants", true));
        assertThat(seen.get(0).sha256()).isEqualTo(sha256Hex("live"));
    }
}
