package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reportplatform.platform.testing.KafkaBroker;

/**
 * What an operator sees, in a real browser (headless Debian chromium): the platform runs as
 * processes with the demo report; the pipeline dashboard ({@code /ops}, after signing in with the
 * operator's token) shows the four services up, the consumers' lag, and follows an edit made
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

    private static final Path TARGET = Path.of(System.getProperty("platform.root", "..")).resolve("system-tests/target");
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final List<String> SERVICES = List.of("gateway", "content-service", "figures-service", "render-service");

    private static HeadlessChromium chromium;
    private static Platform platform;
    private static Http gateway;

    @BeforeAll
    static void startThePlatformAndABrowser() {
        chromium = HeadlessChromium.start(TARGET.resolve("browser-logs"));
        platform = Platform.start(kafka.bootstrapServers(), true);
        gateway = new Http(platform.gatewayUrl());
        await("the demo report rendered").atMost(Duration.ofSeconds(60))
                .until(() -> gateway.get("/2024/femmes").statusCode() == 200);
    }

    @AfterAll
    static void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    @Test
    void theDashboardShowsTheServicesAndFollowsAnEdit() {
        // Given an operator who opens the dashboard: it is sent to the sign-in form
        WebDriver browser = chromium.driver();
        browser.get(platform.gatewayUrl() + "/ops");
        assertThat(browser.getCurrentUrl()).endsWith("/signin?next=/ops");

        // When it pastes its token
        browser.findElement(By.id("token")).sendKeys("demo-operator");
        browser.findElement(By.cssSelector("form.signin button[type=submit]")).click();

        // Then it is on the dashboard, connected to the live stream
        WebDriverWait wait = new WebDriverWait(browser, WAIT);
        wait.until(ExpectedConditions.urlToBe(platform.gatewayUrl() + "/ops"));
        wait.until(ExpectedConditions.attributeContains(By.id("status"), "data-state", "open"));
        assertThat(browser.findElement(By.cssSelector(".account .who")).getText()).contains("demo-operator");

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
        edit("femmes", "demo-femmes", "Un paragraphe ajouté pendant que l’opérateur regarde (" + System.nanoTime() + ").");

        // Then the rebuilt page appears at the top of the latest rebuilds, with its latency
        WebElement row = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#rebuilds tr.published[data-path='/2024/femmes']")));
        assertThat(row.findElement(By.cssSelector("td.latency")).getText()).matches("[\\d,]+\\h?m?s");
        assertThat(row.findElement(By.cssSelector("td.cause code")).getText()).hasSize(8);
        // And the chart counted it
        wait.until(driver -> count(driver) > countBefore);
        // And the edit is among the latest events, with the time it took to go live
        // (the table is redrawn at every refresh: a row found may be gone a moment later, so look again)
        String eventLatency = new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(driver -> driver.findElements(By.cssSelector("#events tr[data-live='true']")).stream()
                        .filter(tr -> tr.findElement(By.cssSelector("td.source")).getText().startsWith("chapitre 2024/femmes")
                                && tr.findElement(By.cssSelector("td.actor")).getText().equals("femmes"))
                        .map(tr -> tr.findElement(By.cssSelector("td.latency")).getText())
                        .findFirst().orElse(null));
        assertThat(eventLatency).matches("[\\d,]+\\h?m?s");

        // When a record that is not an event at all arrives on the chapters' topic
        new TopicLog(kafka.bootstrapServers()).writeRaw("report.chapters.v1", "2024/poison-du-tableau",
                "{\"title\": \"du JSON, pas de l'Avro\"}".getBytes(StandardCharsets.UTF_8));

        // Then it shows among the dead letters, with its error, and a replay button
        By poison = By.xpath("//tbody[@id='dlt-rows']/tr[td[@class='key' and text()='2024/poison-du-tableau']]");
        WebElement letter = new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class)
                .until(ExpectedConditions.presenceOfElementLocated(poison));
        assertThat(letter.findElement(By.cssSelector("td.origin")).getText()).contains("report.chapters.v1");
        assertThat(letter.findElement(By.cssSelector("td.error-cell .message")).getText()).isNotBlank();

        // When the operator replays it without fixing anything, Then it still fails, and the page says why
        new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(driver -> {
            driver.findElement(poison).findElement(By.cssSelector("td.action button")).click();
            return true;
        });
        String outcome = new WebDriverWait(browser, WAIT).ignoring(StaleElementReferenceException.class).until(driver -> {
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
        chromium.screenshot(TARGET.resolve("screenshots/ops.png"));
    }

    private static int count(WebDriver browser) {
        String count = browser.findElement(By.id("kpi-count")).getAttribute("data-count");
        return count == null ? 0 : Integer.parseInt(count);
    }

    /** Edits a chapter's body as its team would: GET for the revision, PUT with If-Match. */
    private static void edit(String slug, String token, String body) {
        HttpResponse<String> current = gateway.get("/api/editions/2024/chapters/" + slug);
        assertThat(current.statusCode()).isEqualTo(200);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        String title = JsonPath.read(current.body(), "$.title");
        HttpResponse<String> edit = gateway.put("/api/editions/2024/chapters/" + slug, token, etag,
                "{\"title\": \"" + json(title) + "\", \"body\": \"" + json(body) + "\"}");
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
