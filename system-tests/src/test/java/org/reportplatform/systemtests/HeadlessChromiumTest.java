package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A browser handed from one test class to the next ({@link StudioInABrowser}) carries nothing of the
 * previous one: after {@link HeadlessChromium#reset}, no dialog, one window on a blank page, its
 * first size without an emulated device, and no cookie or stored data for the origin. No platform:
 * a page of a small HTTP server is the origin.
 */
class HeadlessChromiumTest {

    @Test
    void aResetBrowserKeepsNothingOfWhatTheLastTestLeft() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.createContext("/", exchange -> {
            byte[] page = "<!DOCTYPE html><html lang=\"fr\"><title>page</title><p>page</p></html>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        String origin = "http://localhost:" + server.getAddress().getPort();
        try (HeadlessChromium chromium = HeadlessChromium.start(Path.of("target/browser-logs"))) {
            ChromeDriver browser = chromium.driver();
            JavascriptExecutor script = browser;

            // Given a test that signed in (a cookie), stored data, opened a second tab, narrowed the
            // page to a phone and left a dialog open
            browser.get(origin + "/");
            script.executeScript("document.cookie = 'SESSION=secret; path=/'; localStorage.setItem('draft', 'texte');"
                    + " sessionStorage.setItem('tab', '1');");
            browser.switchTo().newWindow(WindowType.TAB).get(origin + "/");
            browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                    Map.of("width", 320, "height", 900, "deviceScaleFactor", 1, "mobile", true));
            browser.manage().window().setSize(new Dimension(800, 600));
            script.executeScript("setTimeout(() => alert('laissé ouvert'), 0);");
            new WebDriverWait(browser, java.time.Duration.ofSeconds(10)).until(ExpectedConditions.alertIsPresent());

            // When the browser is reset for the next test
            chromium.reset(origin);

            // Then it is one window on a blank page, at its first size
            assertThat(browser.getWindowHandles()).hasSize(1);
            assertThat(browser.getCurrentUrl()).isEqualTo("about:blank");
            assertThat(browser.manage().window().getSize()).isEqualTo(new Dimension(1280, 1000));

            // and the origin's page finds no cookie, nothing stored and no emulated phone
            browser.get(origin + "/");
            assertThat(script.executeScript("return document.cookie")).isEqualTo("");
            assertThat(script.executeScript("return localStorage.getItem('draft')")).isNull();
            assertThat(script.executeScript("return sessionStorage.getItem('tab')")).isNull();
            assertThat(((Number) script.executeScript("return window.innerWidth")).intValue()).isGreaterThan(320);
        } finally {
            server.stop(0);
        }
    }
}
