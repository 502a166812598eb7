package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The report in French, English and Spanish on the real platform (broker and four services, the
 * demo report): each language's pages and PDF through the gateway, the list of editions, and a
 * translation going stale when its French source changes and fresh again when it is updated, all
 * through the public API. Chapters of this class: renforcement-reseau (and femmes, read only).
 */
@ExtendWith(StudioPlatform.class)
class LanguagesOnBrokerTest {

    private static final Duration LIVE = Duration.ofSeconds(20);

    private final Platform platform = StudioPlatform.get();
    private final Http gateway = new Http(platform.gatewayUrl());
    private final ReportApi api = new ReportApi(new RawHttp(platform.gatewayUrl()));

    private Document page(String path, String mustContain) {
        AtomicReference<HttpResponse<String>> last = new AtomicReference<>();
        await(path).atMost(LIVE).pollInterval(Duration.ofMillis(50)).until(() -> {
            last.set(gateway.get(path));
            return last.get().statusCode() == 200 && last.get().body().contains(mustContain);
        });
        return Jsoup.parse(last.get().body());
    }

    @Test
    void the2024ReportIsPublicInEachOfItsLanguages() {
        // Given the key figure's value as it is now (other classes on this platform change it), four digits
        Object current = JsonPath.read(gateway.get("/api/editions/2024/indicators/sos-defenders.cases").body(), "$.value");
        long cases = new java.math.BigDecimal(String.valueOf(current)).longValueExact();
        assertThat(cases).isBetween(1_000L, 9_999L);
        // the JDK's English grouping: an oracle independent of the ICU4J formatter the pages use
        String english = String.format(Locale.ENGLISH, "%,d", cases);

        // The English site: its words, its numbers, its lang, the switcher and the alternates
        Document index = page("/2024/en/", english);
        assertThat(index.select("html").attr("lang")).isEqualTo("en");
        assertThat(index.select("link[rel=alternate]").eachAttr("hreflang")).containsExactly("fr", "en", "es", "x-default");
        assertThat(index.select("nav.languages a").eachAttr("href")).containsExactly("/2024/", "/2024/en/", "/2024/es/");
        assertThat(index.select(".key-figures dd").eachText()).anySatisfy(value -> assertThat(value).matches(followedByItsUnit(english)));

        // A translated chapter; one not translated yet: its French text, marked French, with the notice in English
        Document translated = page("/2024/en/message-presidente", "lang=\"en\"");
        assertThat(translated.select("p.notice")).isEmpty();
        Document untranslated = page("/2024/en/femmes", "notice");
        assertThat(untranslated.select(".chapter-text").attr("lang")).isEqualTo("fr");
        assertThat(untranslated.select("p.notice").text()).isEqualTo(
                "This chapter has not been translated into English yet: it is shown in its original version, in French.");

        // The demo's stale translation (of revision 1; the French text was corrected since) says so
        assertThat(page("/2024/en/violences-policieres", "class=\"stale-notice\"").select("p.stale-notice")).hasSize(1);

        // The Spanish site
        Document spanish = page("/2024/es/", "Informe anual 2024");
        // CLDR groups Spanish digits only from five: four digits stay together
        assertThat(spanish.select(".key-figures dd").eachText()).anySatisfy(value -> assertThat(value).matches(followedByItsUnit(cases)));
        assertThat(spanish.select("html").attr("lang")).isEqualTo("es");
        assertThat(spanish.select(".site-nav a").eachText()).contains("Índice", "Cifras clave");

        // The English PDF, with English numbers
        await("/2024/en/report.pdf").atMost(LIVE).until(() -> gateway.getBytes("/2024/en/report.pdf").statusCode() == 200);
        String pdf = PdfText.of(gateway.getBytes("/2024/en/report.pdf").body());
        assertThat(pdf).contains("Annual report 2024", "Key figures", english);
    }

    /** The number, then a (no-break) space and the unit: nothing else glued to its digits. */
    private static String followedByItsUnit(Object number) {
        return java.util.regex.Pattern.quote(String.valueOf(number)) + "[\\s\\u00A0\\u202F]\\D.*";
    }

    @Test
    void theEditionsPageListsThePublicEditionsWithTheirLanguages() {
        Document editions = page("/editions", "/2024/");
        assertThat(editions.select("a[href=/2024/en/]").text()).isEqualTo("English");
        assertThat(editions.select("a[href=/2024/es/]").text()).isEqualTo("Español");
        assertThat(editions.select("a[href=/2023/]")).isNotEmpty();
    }

    @Test
    void aFrenchEditMakesItsEnglishTranslationStaleUntilTheTranslationIsUpdated() {
        // Given renforcement-reseau translated into English by its team (of its current revision)
        String slug = "renforcement-reseau";
        String team = "demo-renforcement-reseau";
        RawHttp.Answer chapter = api.chapter("2024", slug);
        String title = JsonPath.read(chapter.body(), "$.title");
        String body = JsonPath.read(chapter.body(), "$.body");
        RawHttp.Answer created = api.putTranslation("2024", slug, "en", team, null, "Strengthening the network",
                "The network grew this year.");
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        page("/2024/en/" + slug, "The network grew this year.");
        assertThat(page("/2024/en/" + slug, "Strengthening").select("p.stale-notice")).isEmpty();

        // When its French text changes
        RawHttp.Answer edited = api.updateChapter("2024", slug, team, ReportApi.revision(chapter), title, body + "\n\nUne précision.");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);

        // Then the English page says its translation predates the change
        Document stale = page("/2024/en/" + slug, "class=\"stale-notice\"");
        assertThat(stale.select("p.stale-notice").text())
                .isEqualTo("The original text has changed since this translation was made; it will be updated.");

        // When the translation is updated (it now translates the current revision), Then the notice goes
        RawHttp.Answer updated = api.putTranslation("2024", slug, "en", team, ReportApi.revision(created), "Strengthening the network",
                "The network grew this year. A clarification.");
        assertThat(updated.status()).as(updated.toString()).isEqualTo(200);
        assertThat(page("/2024/en/" + slug, "A clarification.").select("p.stale-notice")).isEmpty();
    }
}
