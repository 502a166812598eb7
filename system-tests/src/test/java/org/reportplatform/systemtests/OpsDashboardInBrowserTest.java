package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reportplatform.platform.testing.KafkaBroker;

/**
 * What an operator sees, in a real browser (headless Debian chromium): the platform runs as
 * processes with the demo report; the pipeline dashboard ({@code /ops}, after signing in as the
 * operator) shows the four services up, the consumers' lag, and follows an edit made
 * through the API (the edit among the latest events with its latency, a new row among the latest
 * rebuilds, the chart's count going up), shows a poison record among the dead letters with its
 * error, and says why its replay still fails; its full
 * rebuild button runs a rebuild on the render service through the gateway, with the session.
 *
 * <p>Screenshot: {@code system-tests/target/screenshots/ops.png}.
 */
class OpsDashboardInBrowserTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> SERVICES = List.of("gateway", "content-service", "figures-service", "render-service");

    private static DemoInABrowser demo;

    @BeforeAll
    static void startThePlatformAndABrowser() {
        demo = DemoInABrowser.start(kafka.bootstrapServers(), "/2024/femmes");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    @Test
    void theDashboardShowsTheServicesAndFollowsAnEdit() {
        // Given an operator who opens the dashboard: it is sent to the sign-in form
        WebDriver browser = demo.browser();
        browser.get(demo.url("/ops"));
        assertThat(browser.getCurrentUrl()).endsWith("/signin?next=/ops");

        // When it signs in with its email and password
        demo.signInAs("operator@example.org", DemoInABrowser.DEMO_PASSWORD);

        // Then it is on the dashboard, connected to the live stream
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.urlToBe(demo.url("/ops")));
        wait.until(ExpectedConditions.attributeContains(By.id("status"), "data-state", "open"));
        assertThat(browser.findElement(By.cssSelector(".account .who")).getText()).contains("Marc Lefèvre");

        // And it shows the four services, each up, with its version
        for (String service : SERVICES) {
            wait.until(ExpectedConditions.attributeToBe(By.cssSelector("#services li[data-service='" + service + "']"), "data-state", "UP"));
        }
        assertThat(browser.findElements(By.cssSelector("#services li[data-service]"))).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("#services li[data-service='render-service'] .facts")).getText())
                .contains(System.getProperty("platform.version", "0.1.0-SNAPSHOT"));

        // And the consumers: the render service's group and the gateway's own view
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#lag-rows tr[data-group='render-service']")));
        assertThat(browser.findElement(By.cssSelector("#lag-rows tr[data-group='gateway-site-view']")).getText()).contains("vue de la passerelle");
        // And the chart is drawn
        assertThat(browser.findElements(By.cssSelector("#chart canvas"))).isNotEmpty();
        int countBefore = count(browser);

        // When a team edits its chapter through the API
        demo.edit("femmes", "demo-femmes", "Un paragraphe ajouté pendant que l’opérateur regarde (" + System.nanoTime() + ").");

        // Then the rebuilt page appears at the top of the latest rebuilds, with its latency
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#rebuilds tr.published[data-path='/2024/femmes']")));
        assertThat(row.findElement(By.cssSelector("td.latency")).getText()).matches("[\\d,]+\\h?m?s");
        assertThat(row.findElement(By.cssSelector("td.cause code")).getText()).hasSize(8);
        // And the chart counted it
        wait.until(driver -> count(driver) > countBefore);
        // And the edit is among the latest events, with the time it took to go live
        // (the table is redrawn at every refresh: a row found may be gone a moment later, so look again)
        String eventLatency = DemoInABrowser.waitOn(browser, WAIT)
                .until(driver -> driver.findElements(By.cssSelector("#events tr[data-live='true']")).stream()
                        .filter(tr -> tr.findElement(By.cssSelector("td.source")).getText().startsWith("chapitre 2024/femmes")
                                && tr.findElement(By.cssSelector("td.actor")).getText().equals("Julie Fontaine"))
                        .map(tr -> tr.findElement(By.cssSelector("td.latency")).getText())
                        .findFirst().orElse(null));
        assertThat(eventLatency).matches("[\\d,]+\\h?m?s");

        // When a record that is not an event at all arrives on the chapters' topic
        new TopicLog(kafka.bootstrapServers()).writeRaw("report.chapters.v1", "2024/poison-du-tableau",
                "{\"title\": \"du JSON, pas de l'Avro\"}".getBytes(StandardCharsets.UTF_8));

        // Then it shows among the dead letters, with its error, and a replay button
        By poison = By.xpath("//tbody[@id='dlt-rows']/tr[td[@class='key' and text()='2024/poison-du-tableau']]");
        WebElement letter = DemoInABrowser.waitOn(browser, WAIT)
                .until(ExpectedConditions.presenceOfElementLocated(poison));
        assertThat(letter.findElement(By.cssSelector("td.origin")).getText()).contains("report.chapters.v1");
        assertThat(letter.findElement(By.cssSelector("td.error-cell .message")).getText()).isNotBlank();

        // When the operator replays it without fixing anything, Then it still fails, and the page says why
        DemoInABrowser.waitOn(browser, WAIT).until(driver -> {
            driver.findElement(poison).findElement(By.cssSelector("td.action button")).click();
            return true;
        });
        String outcome = DemoInABrowser.waitOn(browser, WAIT).until(driver -> {
            WebElement shown = driver.findElement(poison).findElement(By.cssSelector("td.action .outcome"));
            return shown.getAttribute("class").contains("failed") ? shown.getText() : null;
        });
        assertThat(outcome).startsWith("Échoue encore");

        // When the operator asks for a full rebuild (and confirms)
        WebElement rebuild = browser.findElement(By.id("rebuild-button"));
        rebuild.click();
        assertThat(rebuild.getText()).startsWith("Confirmer");
        rebuild.click();

        // Then the render service rebuilds the site, and the page says what it did
        WebElement result = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("rebuild-result")));
        wait.until(ExpectedConditions.textMatches(By.id("rebuild-result"), java.util.regex.Pattern.compile("^(Terminé|Échec).*")));
        assertThat(result.getText()).startsWith("Terminé").contains("sorties rendues");

        // (the whole page: a tall window, from the top)
        browser.manage().window().setSize(new Dimension(1280, 2600));
        ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0);");
        demo.screenshot("ops.png");
    }

    private static int count(WebDriver browser) {
        String count = browser.findElement(By.id("kpi-count")).getAttribute("data-count");
        return count == null ? 0 : Integer.parseInt(count);
    }
}
