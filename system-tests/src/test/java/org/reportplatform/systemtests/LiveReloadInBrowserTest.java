package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reportplatform.platform.testing.KafkaBroker;

/**
 * What the web team sees, in a real browser (headless Debian chromium): the platform runs as
 * processes with the demo report; a chapter page opened with {@code ?live} shows an edit made
 * through the API without anyone reloading it, and the live view ({@code /live}, after signing
 * in as the web team's Sofia Rossi) shows a row for the rebuilt page.
 *
 * <p>Screenshots of both are left in {@code system-tests/target/screenshots/}.
 */
class LiveReloadInBrowserTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final Duration WAIT = Duration.ofSeconds(20);

    private static DemoInABrowser demo;

    @BeforeAll
    static void startThePlatformAndABrowser() {
        demo = DemoInABrowser.start(kafka.bootstrapServers(), "/2024/enfants");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void aChapterOpenedWithLiveShowsAnEditWithoutAManualReload() {
        // Given a reader of the chapter "Enfants" opened with ?live
        WebDriver browser = demo.browser();
        browser.get(demo.url("/2024/enfants?live"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Enfants");
        // (a mark on this very document: it is gone once the page has reloaded itself)
        ((JavascriptExecutor) browser).executeScript("document.documentElement.dataset.marked = 'avant';");

        // When the team edits the chapter through the API
        String sentence = "Une phrase écrite pendant que la page était ouverte (" + System.nanoTime() + ").";
        demo.edit("enfants", "demo-enfants", sentence);

        // Then the browser shows the new text, without anyone reloading it
        new WebDriverWait(browser, WAIT).until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), sentence));
        assertThat(browser.getCurrentUrl()).endsWith("/2024/enfants?live");
        assertThat(((JavascriptExecutor) browser).executeScript("return document.documentElement.dataset.marked || null;"))
                .as("the page reloaded itself").isNull();
        demo.screenshot("chapter-live.png");
    }

    @Test
    void theLiveViewShowsARowForAnEditAfterSigningIn() {
        // Given the web team opens the live view: it is sent to the sign-in form
        WebDriver browser = demo.browser();
        browser.get(demo.url("/live"));
        assertThat(browser.getCurrentUrl()).endsWith("/signin?next=/live");

        // When it signs in with its email and password
        demo.signInAs("webteam@example.org", DemoInABrowser.DEMO_PASSWORD);

        // Then it is on the live view, connected to the stream
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        wait.until(ExpectedConditions.urlToBe(demo.url("/live")));
        wait.until(ExpectedConditions.attributeToBe(By.id("status"), "data-state", "open"));
        assertThat(browser.findElement(By.cssSelector(".account .who")).getText()).contains("Sofia Rossi");

        // When a team edits its chapter
        demo.edit("migrants", "demo-migrants", "Les chiffres de l’année, mis à jour (" + System.nanoTime() + ").");

        // Then a row for the rebuilt page appears: time, the page as a link, latency, cause
        // (read in one go, found again if the table redraws the row meanwhile)
        List<String> row = wait.until(driver -> {
            WebElement published = driver.findElement(By.cssSelector("#notices tr.published[data-path='/2024/migrants']"));
            return List.of(published.findElement(By.cssSelector("td.path a")).getAttribute("href"),
                    published.findElement(By.cssSelector("td.time")).getText(),
                    published.findElement(By.cssSelector("td.latency")).getText(),
                    published.findElement(By.cssSelector("td.cause code")).getText());
        });
        assertThat(row.get(0)).endsWith("/2024/migrants");
        assertThat(row.get(1)).matches("\\d\\d:\\d\\d:\\d\\d,\\d{3}");
        assertThat(row.get(2)).matches("[\\d,]+\\h?m?s");
        assertThat(row.get(3)).hasSize(8);
        demo.screenshot("live.png");
    }
}
