package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;

/**
 * What the browser tests share: the platform as processes with the demo report (on the broker
 * given), a headless Chromium beside it, and the few things a user does there (sign in with a
 * token, an author's edit through the API). Closes the browser, then the platform.
 */
final class DemoInABrowser implements AutoCloseable {

    private static final Path TARGET = Path.of(System.getProperty("platform.root", "..")).resolve("system-tests/target");

    private final HeadlessChromium chromium;
    private final Platform platform;
    private final Http gateway;

    private DemoInABrowser(HeadlessChromium chromium, Platform platform) {
        this.chromium = chromium;
        this.platform = platform;
        this.gateway = new Http(platform.gatewayUrl());
    }

    /** Starts both and waits until the gateway serves {@code page} of the demo report. */
    static DemoInABrowser start(String bootstrapServers, String page) {
        HeadlessChromium chromium = HeadlessChromium.start(TARGET.resolve("browser-logs"));
        DemoInABrowser demo;
        try {
            demo = new DemoInABrowser(chromium, Platform.start(bootstrapServers, true));
        } catch (RuntimeException | Error e) {
            chromium.close();
            throw e;
        }
        await("the demo report rendered").atMost(Duration.ofSeconds(60))
                .until(() -> demo.gateway.get(page).statusCode() == 200);
        return demo;
    }

    WebDriver browser() {
        return chromium.driver();
    }

    /** The gateway's address of a path. */
    String url(String path) {
        return platform.gatewayUrl() + path;
    }

    /** On the sign-in form: pastes the token and sends it. */
    void signInWith(String token) {
        browser().findElement(By.id("token")).sendKeys(token);
        browser().findElement(By.cssSelector("form.signin button[type=submit]")).click();
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
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    @Override
    public void close() {
        try {
            chromium.close();
        } finally {
            platform.close();
        }
    }
}
