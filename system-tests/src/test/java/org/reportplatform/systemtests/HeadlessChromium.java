package org.reportplatform.systemtests;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (Selenium is pointed at
 * both binaries and downloads nothing). Each instance has a fresh profile directory, removed
 * on {@link #close()}.
 *
 * <p>When the binaries are missing the browser tests fail, saying how to install them
 * ({@code .ci/run} installs {@code chromium chromium-driver}): a test that is skipped proves
 * nothing. {@code CHROMIUM} and {@code CHROMEDRIVER} (environment) point elsewhere.
 */
final class HeadlessChromium implements AutoCloseable {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER", "/usr/bin/chromedriver"));

    private final Path profile;
    private final ChromeDriverService service;
    private final ChromeDriver driver;

    private HeadlessChromium(Path logs) throws IOException {
        profile = Files.createTempDirectory("chromium-profile-");
        Files.createDirectories(logs);
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logs.resolve("chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--window-size=1280,1000", "--lang=fr-FR", "--user-data-dir=" + profile);
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** A browser, or a failure that says how to install chromium or chromedriver when one is missing. */
    static HeadlessChromium start(Path logs) {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM.toString()
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER.toString() : null;
        if (missing != null) {
            Assertions.fail("the browser test needs Debian's chromium and chromedriver, and " + missing
                    + " is missing: apt-get install chromium chromium-driver (.ci/run installs them)");
        }
        try {
            return new HeadlessChromium(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * The browser as a person finds it when they open it: no dialog, one window, 1280 px wide with no
     * emulated device, on a blank page, no cookie, and nothing {@code origin}'s pages stored
     * (local and session storage, caches), whatever the previous test did.
     */
    void reset(String origin) {
        // A dialog the previous test left open (an alert, a confirm) would refuse every command below.
        try {
            driver.switchTo().alert().dismiss();
        } catch (NoAlertPresentException none) {
            // the usual case
        }
        String first = driver.getWindowHandles().iterator().next();
        for (String window : driver.getWindowHandles()) {
            if (!window.equals(first)) {
                driver.switchTo().window(window).close();
            }
        }
        driver.switchTo().window(first);
        driver.get("about:blank");
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        // "all": the origin's cookies, local and session storage, caches.
        driver.executeCdpCommand("Storage.clearDataForOrigin", Map.of("origin", origin, "storageTypes", "all"));
        driver.manage().window().setSize(new Dimension(1280, 1000));
    }

    /** Saves what the browser shows now as a PNG. */
    Path screenshot(Path file) {
        try {
            Files.createDirectories(file.getParent());
            File shot = driver.getScreenshotAs(OutputType.FILE);
            return Files.copy(shot.toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                // a temporary directory left behind is harmless
            }
        }
    }
}
