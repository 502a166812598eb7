package org.reportplatform.systemtests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform with the demo report for every drafts and scheduling test class of the run, like
 * {@link StudioPlatform}, with two differences: edition 2024 requires review
 * ({@code report.drafts.review-required-editions}), and scheduled publications follow a clock
 * file ({@code report.scheduling.clock-file}) that the tests move with {@link #setClock}, for
 * every service at once and across restarts. The clock starts at {@link #START}, before the
 * 2025 launch the tests schedule.
 *
 * <p>The classes share the demo report, so each works on chapters and figures of its own (see
 * each class's comment).
 *
 * <pre>&#64;ExtendWith(DraftsPlatform.class) ... DraftsPlatform.get()</pre>
 */
final class DraftsPlatform implements BeforeAllCallback {

    /** Where the clock stands when the platform starts. */
    static final Instant START = Instant.parse("2025-06-01T08:00:00Z");

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();

    private static volatile Platform running;
    private static volatile Path clockFile;

    static Platform get() {
        if (running == null) {
            throw new IllegalStateException("no drafts platform: put @ExtendWith(DraftsPlatform.class) on the test class");
        }
        return running;
    }

    /** Where the services' clock stands now. The classes share it: schedule relative to it, never move it back. */
    static Instant clock() {
        try {
            return Instant.parse(Files.readString(clockFile, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Moves the time of every service's scheduled publications to {@code now} (atomically: no
     * service reads half a file). Only forward: another class may have scheduled something already.
     */
    static void setClock(Instant now) {
        if (Files.exists(clockFile) && now.isBefore(clock())) {
            throw new IllegalArgumentException("the clock only moves forward: it is " + clock() + ", not " + now);
        }
        try {
            Path next = clockFile.resolveSibling("clock.next");
            Files.writeString(next, now.toString(), StandardCharsets.UTF_8);
            Files.move(next, clockFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.create(DraftsPlatform.class))
                .getOrComputeIfAbsent("platform", key -> start(), AutoCloseable.class);
    }

    private static AutoCloseable start() {
        long started = System.nanoTime();
        Path logs = ROOT.resolve("system-tests/target/service-logs/drafts-" + System.currentTimeMillis());
        clockFile = logs.resolve("clock");
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        setClock(START);
        DemoOnBroker demo = DemoOnBroker.start(logs, Map.of(
                "REPORT_SCHEDULING_CLOCK_FILE", clockFile.toString(),
                "REPORT_DRAFTS_REVIEW_REQUIRED_EDITIONS", "2024"));
        Platform platform = demo.platform();
        running = platform;
        System.out.printf("[drafts] demo platform started in %.1f s: gateway %s, logs in %s%n",
                (System.nanoTime() - started) / 1e9, platform.gatewayUrl(), logs);
        return () -> {
            try {
                demo.close();
            } finally {
                running = null;
            }
        };
    }
}
