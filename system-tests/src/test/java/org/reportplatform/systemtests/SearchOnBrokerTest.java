package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Search on the real platform (broker, four services, the demo report): the gateway's index
 * follows the published pages, finds the demo's words however they are typed, in the language
 * asked, and never finds what is not public. Chapters of this class: initiatives-culturelles
 * (edited), soutien-aux-victimes (a draft, then scheduled); the others are read only.
 */
@ExtendWith(StudioInABrowser.class)
class SearchOnBrokerTest {

    private static final Duration LIVE = Duration.ofSeconds(30);
    /** From the page served with the new text to the text being found. */
    private static final Duration SEARCHABLE = Duration.ofSeconds(1);

    private static DemoInABrowser demo;

    private final Platform platform = StudioPlatform.get();
    private final Http gateway = new Http(platform.gatewayUrl());
    private final RawHttp raw = new RawHttp(platform.gatewayUrl());
    private final ReportApi api = new ReportApi(raw);
    private final DraftApi drafts = new DraftApi(raw);

    @BeforeAll
    static void aBrowser(DemoInABrowser browser) {
        demo = browser;
    }

    @Test
    void aWordAddedByAnEditIsFoundWithinASecondAndNoLongerOnceRemoved() {
        // Given initiatives-culturelles as it is, and a word found nowhere in the report
        String slug = "initiatives-culturelles";
        String team = "demo-initiatives-culturelles";
        String word = DraftsLifecycleTest.marker();
        RawHttp.Answer chapter = api.chapter("2024", slug);
        String title = JsonPath.read(chapter.body(), "$.title");
        String body = JsonPath.read(chapter.body(), "$.body");
        assertThat(paths(word, "fr")).isEmpty();

        // When its team adds the word
        long edited = System.nanoTime();
        RawHttp.Answer added = api.updateChapter("2024", slug, team, ReportApi.revision(chapter), title, body + "\n\nUn festival " + word + ".");
        assertThat(added.status()).as(added.toString()).isEqualTo(200);

        // Then it is found, within a second of the page being served with it
        long[] served = {0};
        await("the word on the page and in the search").atMost(LIVE).pollInterval(Duration.ofMillis(10)).until(() -> {
            if (served[0] == 0 && gateway.get("/2024/" + slug).body().contains(word)) {
                served[0] = System.nanoTime();
            }
            return paths(word, "fr").equals(List.of("/2024/" + slug));
        });
        long found = System.nanoTime();
        long afterServed = served[0] == 0 ? 0 : (found - served[0]) / 1_000_000;
        System.out.printf("[search] edit to searchable %d ms; page served to searchable %d ms%n", (found - edited) / 1_000_000, afterServed);
        assertThat(served[0]).as("the page was served with the word before it was found").isNotZero();
        assertThat(Duration.ofMillis(afterServed)).isLessThanOrEqualTo(SEARCHABLE);

        // When the word is removed, Then it is no longer found
        RawHttp.Answer removed = api.updateChapter("2024", slug, team, ReportApi.revision(added), title, body);
        assertThat(removed.status()).as(removed.toString()).isEqualTo(200);
        await("the word gone from the search").atMost(LIVE).pollInterval(Duration.ofMillis(20)).until(() -> paths(word, "fr").isEmpty());
        assertThat(gateway.get("/2024/" + slug).body()).doesNotContain(word);
    }

    @Test
    void theDemoChaptersAreFoundHoweverTheirWordsAreTyped() {
        assertThat(paths("defenseur", "fr")).contains("/2024/defenseurs");
        assertThat(paths("l'enfant", "fr")).contains("/2024/enfants");
        assertThat(paths("enfants", "fr")).contains("/2024/enfants");
        assertThat(paths("torture", "fr")).contains("/2024/comite-contre-la-torture", "/2024/enfants");
        // A key figure by its value, however typed (the value other classes set is read, not assumed)
        Object cases = JsonPath.read(gateway.get("/api/editions/2024/indicators/sos-defenders.cases").body(), "$.value");
        String digits = String.valueOf(new java.math.BigDecimal(String.valueOf(cases)).longValueExact());
        assertThat(paths(digits, "fr")).contains("/2024/chiffres-cles");
        String grouped = digits.substring(0, digits.length() - 3) + "\u202F" + digits.substring(digits.length() - 3);
        assertThat(paths(grouped, "fr")).contains("/2024/chiffres-cles");
    }

    @Test
    void theEnglishSearchFindsTheEnglishPages() {
        // The president's message is translated: its English words, on the English pages only
        List<String> english = paths("defending human rights", "en");
        assertThat(english).contains("/2024/en/message-presidente").allMatch(path -> path.startsWith("/2024/en/"));
        assertThat(paths("defending", "fr")).isEmpty();
        // A chapter not translated yet is found in English by its French text
        assertThat(paths("enfants", "en")).contains("/2024/en/enfants");
    }

    @Test
    void aDraftsTextAndAScheduledChaptersTextAreNeverFound() {
        // Given the team's draft of soutien-aux-victimes with a word of its own, approved and scheduled for tomorrow
        String slug = "soutien-aux-victimes";
        String team = "demo-soutien-aux-victimes";
        String word = DraftsLifecycleTest.marker();
        drafts.start(slug, team, drafts.body(slug) + "\n\nUn programme " + word + ".");
        drafts.submitAndApprove(slug, team);
        String tomorrow = LocalDateTime.now(ZoneId.of("Europe/Zurich")).plusDays(1).truncatedTo(ChronoUnit.MINUTES).toString();
        RawHttp.Answer scheduled = drafts.schedule(slug, team, tomorrow, "Europe/Zurich");
        assertThat(scheduled.status()).as(scheduled.toString()).isEqualTo(200);
        // and its preview, rendered with the word (so the draft went through the render service)
        await("the draft's preview").atMost(LIVE).until(() -> {
            RawHttp.Answer preview = raw.get("/preview/2024/" + slug, team);
            return preview.status() == 200 && preview.body().contains(word);
        });

        // When a later edit of another chapter is searchable (the index has read past the draft)
        String later = DraftsLifecycleTest.marker();
        RawHttp.Answer chapter = api.chapter("2024", "initiatives-culturelles");
        String body = JsonPath.read(chapter.body(), "$.body");
        RawHttp.Answer edited = api.updateChapter("2024", "initiatives-culturelles", "demo-initiatives-culturelles",
                ReportApi.revision(chapter), JsonPath.read(chapter.body(), "$.title"), body + "\n\nUne exposition " + later + ".");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        await("the later edit in the search").atMost(LIVE).until(() -> !paths(later, "fr").isEmpty());

        // Then the draft's (scheduled) word is found in no language, and the public page does not have it
        assertThat(paths(word, "fr")).isEmpty();
        assertThat(paths(word, "en")).isEmpty();
        assertThat(gateway.get("/2024/" + slug).body()).doesNotContain(word);

        // Afterwards: the draft is discarded and the edit undone, for the other classes on this platform
        drafts.act(slug, "discard", team, null, "{}");
        api.updateChapter("2024", "initiatives-culturelles", "demo-initiatives-culturelles", ReportApi.revision(edited),
                JsonPath.read(chapter.body(), "$.title"), body);
    }

    @Test
    void theSearchPageShowsResultsAsOneTypesAndPassesAxeCore() {
        WebDriver browser = demo.browser();
        // Given the search box of a report page, sent without typing anything more than a word
        browser.get(demo.url("/2024/enfants"));
        browser.findElement(By.cssSelector("form[role=search] input[type=search]")).sendKeys("torture\n");
        new WebDriverWait(browser, LIVE).until(driver -> driver.getCurrentUrl().contains("/2024/recherche?q=torture"));
        assertThat(browser.findElements(By.cssSelector(".search-results li"))).isNotEmpty();
        assertThat(demo.accessibilityViolations()).as("axe-core on the results page").isEmpty();

        // When the reader types other words in the labelled field
        WebElement field = browser.findElement(By.xpath("//label[normalize-space()='Mots à rechercher']/following::input[1]"));
        field.clear();
        field.sendKeys("defenseur");

        // Then the results and the announced count follow, without a page load
        new WebDriverWait(browser, LIVE).until(driver ->
                driver.findElement(By.id("recherche-compte")).getText().endsWith("pour « defenseur »"));
        assertThat(browser.findElements(By.cssSelector(".search-results a")).stream().map(a -> a.getAttribute("href")))
                .anyMatch(href -> href.endsWith("/2024/defenseurs"));
        assertThat(browser.findElement(By.id("recherche-compte")).getAttribute("aria-live")).isEqualTo("polite");
        assertThat(browser.getCurrentUrl()).endsWith("/2024/recherche?q=defenseur");
        demo.screenshot("search-results.png");

        // And nothing found says so, with advice
        field.clear();
        field.sendKeys("baleine");
        new WebDriverWait(browser, LIVE).until(driver ->
                driver.findElement(By.id("recherche-compte")).getText().equals("Aucun résultat pour « baleine »"));
        assertThat(browser.findElement(By.cssSelector(".search-advice")).isDisplayed()).isTrue();
        assertThat(demo.accessibilityViolations()).as("axe-core with no result").isEmpty();
        demo.screenshot("search-no-result.png");
    }

    private List<String> paths(String words, String language) {
        RawHttp.Answer answer = raw.get("/api/search?edition=2024&lang=" + language + "&q=" + URLEncoder.encode(words, StandardCharsets.UTF_8));
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return JsonPath.read(answer.body(), "$.results[*].path");
    }
}
