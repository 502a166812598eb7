package org.reportplatform.systemtests;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform with the demo report for every studio test class of the run: Apache Kafka's broker
 * as a process of its own and the four services, started by the first class that uses it and
 * stopped when the whole run ends. Each class opens its own browsers on it
 * ({@link StudioInABrowser}, or {@link DemoInABrowser#on(Platform)}).
 *
 * <p>The classes share the demo report, so each works on chapters and figures of its own (see
 * each class's comment) and never expects a revision number it did not read itself.
 *
 * <pre>&#64;ExtendWith(StudioPlatform.class) ... StudioPlatform.get()</pre>
 */
final class StudioPlatform implements BeforeAllCallback {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();

    private static volatile Platform running;

    static Platform get() {
        if (running == null) {
            throw new IllegalStateException("no studio platform: put @ExtendWith(StudioPlatform.class) on the test class");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.create(StudioPlatform.class))
                .getOrComputeIfAbsent("platform", key -> start(), AutoCloseable.class);
    }

    private static AutoCloseable start() {
        long started = System.nanoTime();
        Path logs = ROOT.resolve("system-tests/target/service-logs/studio-" + System.currentTimeMillis());
        DemoOnBroker demo = DemoOnBroker.start(logs, Map.of());
        Platform platform = demo.platform();
        running = platform;
        System.out.printf("[studio] demo platform started in %.1f s: gateway %s, logs in %s%n",
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
