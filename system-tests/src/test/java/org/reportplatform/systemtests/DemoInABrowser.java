package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What the browser tests share: the platform as processes with the demo report (on the broker
 * given), a headless Chromium beside it, and the few things a user does there (sign in with an
 * email and a password, an author's edit through the API), and axe-core on what it shows. Closes the browser, then the platform.
 */
final class DemoInABrowser implements AutoCloseable {

    private static final Path TARGET = Path.of(System.getProperty("platform.root", "..")).resolve("system-tests/target");

    private final HeadlessChromium chromium;
    private final Platform platform;
    private final boolean ownsPlatform;
    private final Http gateway;

    private DemoInABrowser(HeadlessChromium chromium, Platform platform, boolean ownsPlatform) {
        this.chromium = chromium;
        this.platform = platform;
        this.ownsPlatform = ownsPlatform;
        this.gateway = new Http(platform.gatewayUrl());
    }

    /**
     * A browser of its own on a platform that is already running (e.g. {@link StudioPlatform}'s):
     * closing it closes the browser only.
     */
    static DemoInABrowser on(Platform platform) {
        return new DemoInABrowser(HeadlessChromium.start(TARGET.resolve("browser-logs")), platform, false);
    }

    /** Starts both and waits until the gateway serves {@code page} of the demo report. */
    static DemoInABrowser start(String bootstrapServers, String page) {
        return start(() -> Platform.start(bootstrapServers, true), page);
    }

    /** The same with a platform started as {@code platform} says (its environment, its gateway's port). */
    static DemoInABrowser start(java.util.function.Supplier<Platform> platform, String page) {
        HeadlessChromium chromium = HeadlessChromium.start(TARGET.resolve("browser-logs"));
        DemoInABrowser demo;
        try {
            demo = new DemoInABrowser(chromium, platform.get(), true);
        } catch (RuntimeException | Error e) {
            chromium.close();
            throw e;
        }
        await("the demo report rendered").atMost(Duration.ofSeconds(60))
                .until(() -> demo.gateway.get(page).statusCode() == 200);
        return demo;
    }

    /**
     * A wait on what a browser shows that also retries an element gone stale: an element found on
     * a page just before a form's redirect (a notice, a heading) is replaced by the next page's.
     */
    static WebDriverWait waitOn(WebDriver browser, Duration timeout) {
        WebDriverWait wait = new WebDriverWait(browser, timeout);
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Back to a blank page, signed out, at 1280 px, as {@link HeadlessChromium#reset} says. */
    void reset() {
        chromium.reset(platform.gatewayUrl());
    }

    WebDriver browser() {
        return chromium.driver();
    }

    /** The gateway's address of a path. */
    String url(String path) {
        return platform.gatewayUrl() + path;
    }

    /** The password of every demo account (the demo profile). */
    static final String DEMO_PASSWORD = "demo-password";

    /** On the sign-in form: types the email and the password, and sends them. */
    void signInAs(String email, String password) {
        browser().findElement(By.id("username")).sendKeys(email);
        browser().findElement(By.id("password")).sendKeys(password);
        browser().findElement(By.cssSelector("form.signin button[type=submit]")).click();
    }

    /**
     * Opens {@code page} signed out, signs in as {@code email} (the demo password) on the sign-in
     * page it leads to, and waits to be back on {@code page}.
     */
    void signInAt(String page, String email) {
        browser().get(url(page));
        waitOn(browser(), Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/signin"));
        signInAs(email, DEMO_PASSWORD);
        waitOn(browser(), Duration.ofSeconds(30))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.urlToBe(url(page)));
    }

    /**
     * At 320 px wide: the page reloaded, axe-core finds no violation, nothing scrolls sideways, and a
     * screenshot {@code name}; the window then back to 1280 px.
     */
    void checkAt320(String what, String name) {
        browser().manage().window().setSize(new org.openqa.selenium.Dimension(320, 900));
        browser().navigate().refresh();
        assertThat(accessibilityViolations()).as("axe-core on " + what + " at 320 px").isEmpty();
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser())
                .executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("no horizontal scrolling at 320 px on " + what).isLessThanOrEqualTo(320);
        screenshot(name);
        browser().manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1000));
    }

    /** Signs out with the header bar's button. */
    void signOut() {
        browser().findElement(By.cssSelector("form.account button[type=submit]")).click();
    }

    /**
     * axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA) on the page the browser shows: the
     * violations, each as "rule: the elements it found", none expected.
     */
    java.util.List<String> accessibilityViolations() {
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"))
                .analyze(browser());
        return results.getViolations().stream()
                .map(rule -> rule.getId() + ": " + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList())
                .toList();
    }

    /** The platform's processes (their logs, the gateway's address). */
    Platform platform() {
        return platform;
    }

    /** Edits a chapter's body as its team would: GET for the revision, PUT with If-Match. */
    void edit(String slug, String token, String body) {
        HttpResponse<String> current = gateway.get("/api/editions/2024/chapters/" + slug);
        assertThat(current.statusCode()).isEqualTo(200);
        String etag = current.headers().firstValue("ETag").orElseThrow();
        String title = JsonPath.read(current.body(), "$.title");
        HttpResponse<String> edit = gateway.put("/api/editions/2024/chapters/" + slug, token, etag,
                "{\"title\": \"" + json(title) + "\", \"body\": \"" + json(body) + "\"}");
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
    }

    /** Leaves a screenshot in {@code system-tests/target/screenshots/}. */
    void screenshot(String name) {
        chromium.screenshot(TARGET.resolve("screenshots").resolve(name));
    }

    private static String json(String text) {
        // A body has line breaks: every control character is escaped (JSON allows none raw in a string).
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            if (ownsPlatform) {
                platform.close();
            }
        }
    }
}
