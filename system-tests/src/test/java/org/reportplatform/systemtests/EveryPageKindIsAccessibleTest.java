package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;

/**
 * Every kind of page the platform serves passes axe-core (WCAG 2.2 A and AA: 0 violations), for
 * the kinds no other browser test checks: the public report (index, a chapter, the key figures,
 * the finances with their charts, a translated page, the editions), the live view and the
 * operations dashboard; and the accessibility checker's findings as an author and an operator
 * see them: an image without alternative text added to {@code quete-de-justice} through the API
 * shows beside the chapter in the studio and on the dashboard, and goes away once fixed.
 *
 * <p>One browser on the shared {@link StudioPlatform}. Changes only {@code quete-de-justice} (its
 * text, put back as it was); reads every other page. Screenshot:
 * {@code system-tests/target/screenshots/studio-accessibility.png}.
 */
@ExtendWith(StudioInABrowser.class)
class EveryPageKindIsAccessibleTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHAPTER = "/api/editions/2024/chapters/quete-de-justice";
    private static final String TEAM_TOKEN = "demo-quete-de-justice";

    private static DemoInABrowser demo;
    private static Http gateway;

    @BeforeAll
    static void aBrowser(DemoInABrowser browser, Http api) {
        demo = browser;
        gateway = api;
    }

    @Test
    void everyPublicPageKindPassesAxeCore() {
        WebDriver browser = demo.browser();
        for (String page : List.of("/2024/", "/2024/quete-de-justice", "/2024/chiffres-cles", "/2024/finances", "/2024/en/",
                "/2024/en/quete-de-justice", "/2024/es/chiffres-cles", "/editions", "/2023/")) {
            browser.get(demo.url(page));
            assertThat(browser.findElement(By.tagName("h1")).getText()).as("the page " + page).isNotBlank();
            assertThat(demo.accessibilityViolations()).as("axe-core on " + page).isEmpty();
        }
        // the finances' charts each have a text alternative and their data as a table
        browser.get(demo.url("/2024/finances"));
        List<WebElement> charts = browser.findElements(By.cssSelector("figure svg"));
        assertThat(charts).isNotEmpty().allSatisfy(chart -> assertThat(chart.getAttribute("aria-labelledby") != null
                || chart.getAttribute("aria-label") != null || "img".equals(chart.getAttribute("role"))
                || "true".equals(chart.getAttribute("aria-hidden"))).as("a chart with a text alternative").isTrue());
        assertThat(browser.findElements(By.cssSelector("figure table th"))).isNotEmpty();
    }

    @Test
    void theLiveViewAndTheOperationsDashboardPassAxeCore() {
        demo.signInAt("/live", "webteam@example.org");
        assertThat(demo.accessibilityViolations()).as("axe-core on the live view").isEmpty();

        demo.browser().manage().deleteAllCookies();
        demo.signInAt("/ops", "operator@example.org");
        DemoInABrowser.waitOn(demo.browser(), WAIT).until(b -> !b.findElement(By.id("a11y-status")).getText().isBlank()
                || b.findElement(By.id("a11y")).isDisplayed());
        assertThat(demo.accessibilityViolations()).as("axe-core on the operations dashboard").isEmpty();
    }

    @Test
    void anImageWithoutAlternativeTextShowsBesideTheChapterAndOnTheDashboardUntilItIsFixed() {
        WebDriver browser = demo.browser();
        String original = com.jayway.jsonpath.JsonPath.read(gateway.get(CHAPTER).body(), "$.body");
        demo.signInAt("/ops", "operator@example.org");
        int before = dashboardCount(browser);

        // When the team adds an image without alternative text through the API
        demo.edit("quete-de-justice", TEAM_TOKEN, original + "\n\n![](https://example.org/audience.jpg)\n");

        // Then the dashboard counts one more image without alternative text in 2024
        DemoInABrowser.waitOn(browser, WAIT).until(b -> dashboardCount(b) == before + 1);
        assertThat(renderMetric()).isEqualTo(before + 1);

        // And the studio shows it beside the chapter, with what to do
        browser.manage().deleteAllCookies();
        demo.signInAt("/studio/2024/chapitres/quete-de-justice", "quete-de-justice@example.org");
        WebElement section = browser.findElement(By.id("accessibilite"));
        assertThat(section.findElement(By.tagName("h2")).getText()).startsWith("Accessibilité :").endsWith("à vérifier");
        WebElement finding = section.findElement(By.cssSelector("li[data-rule='IMAGE_WITHOUT_ALT']"));
        assertThat(finding.getText()).contains("Image sans texte alternatif", "décrivez ce qu’elle montre", "audience.jpg");
        assertThat(demo.accessibilityViolations()).as("axe-core on the editor with findings").isEmpty();
        demo.screenshot("studio-accessibility.png");

        // When the team fixes the image
        demo.edit("quete-de-justice", TEAM_TOKEN, original + "\n\n![Une salle d’audience à Genève](https://example.org/audience.jpg)\n");

        // Then the studio no longer shows it, and the dashboard is back to its count
        DemoInABrowser.waitOn(browser, WAIT).until(b -> {
            b.navigate().refresh();
            return b.findElements(By.cssSelector("#accessibilite li[data-rule='IMAGE_WITHOUT_ALT']")).isEmpty();
        });
        assertThat(renderMetric()).isEqualTo(before);
        demo.edit("quete-de-justice", TEAM_TOKEN, original);
    }

    /** The dashboard's count of images without alternative text in 2024 (0 without a row). */
    private static int dashboardCount(WebDriver browser) {
        if (!browser.getCurrentUrl().endsWith("/ops")) {
            browser.get(demo.url("/ops"));
        }
        List<WebElement> row = browser.findElements(By.cssSelector("#a11y-rows tr[data-edition='2024'][data-rule='IMAGE_WITHOUT_ALT'] td"));
        return row.isEmpty() ? 0 : Integer.parseInt(row.get(row.size() - 1).getText().replaceAll("\\D", ""));
    }

    /** {@code report.accessibility.findings{rule="IMAGE_WITHOUT_ALT"}} on the render service's Prometheus endpoint. */
    private static int renderMetric() {
        try {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(StudioPlatform.get().service("render-service").url() + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return metrics.body().lines()
                    .filter(line -> line.startsWith("report_accessibility_findings{") && line.contains("rule=\"IMAGE_WITHOUT_ALT\""))
                    .mapToInt(line -> (int) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                    .sum();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
