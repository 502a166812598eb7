package org.reportplatform.systemtests;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.openqa.selenium.By;

/**
 * The setup of the studio's browser tests in one place: the shared {@link StudioPlatform}, browsers
 * on it, and a browser as a person finds it at the start of each test (signed out, 1280 px wide,
 * on a blank page, nothing stored by the gateway's pages).
 *
 * <p>A test class asks for its browsers as parameters of its {@code @BeforeAll} method (or of a
 * test): each {@link DemoInABrowser} parameter is another browser of the class, in order, and an
 * {@link Http} parameter is the gateway as an API client sees it.
 *
 * <p>Chromium takes seconds to start on a loaded machine, so the browsers outlive the class: a class
 * hands its browsers back when it ends and the next class gets them reset; the last closes them when
 * the whole run ends.
 *
 * <pre>&#64;ExtendWith(StudioInABrowser.class) ... &#64;BeforeAll static void open(DemoInABrowser author, DemoInABrowser reviewer, Http gateway)</pre>
 */
final class StudioInABrowser implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver,
        TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(StudioInABrowser.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        new StudioPlatform().beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Borrowed borrowed = context.getStore(NAMESPACE).remove(Borrowed.class, Borrowed.class);
        if (borrowed != null) {
            pool(context).giveBack(borrowed.browsers);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        Borrowed borrowed = context.getParent().orElseThrow().getStore(NAMESPACE).get(Borrowed.class, Borrowed.class);
        if (borrowed != null) {
            borrowed.browsers.forEach(DemoInABrowser::reset);
        }
    }

    /**
     * A failed test leaves what each of its browsers showed: a screenshot
     * ({@code failed-<test>-<n>.png}) and, in the test's output (the only trace CI keeps), the
     * address, the heading and the page's messages.
     */
    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        Borrowed borrowed = classContext(context).getStore(NAMESPACE).get(Borrowed.class, Borrowed.class);
        if (borrowed != null) {
            String test = context.getRequiredTestMethod().getName();
            for (int i = 0; i < borrowed.browsers.size(); i++) {
                DemoInABrowser browser = borrowed.browsers.get(i);
                try {
                    browser.screenshot("failed-" + test + "-" + (i + 1) + ".png");
                    System.out.printf("[studio] %s failed; browser %d was at %s: %s%n", test, i + 1, browser.browser().getCurrentUrl(),
                            browser.browser().findElements(By.cssSelector("h1, [role=status], [role=alert], .notice, .error"))
                                    .stream().map(e -> e.getText().strip()).filter(t -> !t.isEmpty()).toList());
                } catch (RuntimeException unreadable) {
                    System.out.printf("[studio] %s failed; browser %d could not be read: %s%n", test, i + 1, unreadable);
                }
            }
        }
        throw failure;
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == DemoInABrowser.class || type == Http.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        if (parameter.getParameter().getType() == Http.class) {
            return new Http(StudioPlatform.get().gatewayUrl());
        }
        int index = 0;
        for (int i = 0; i < parameter.getIndex(); i++) {
            if (parameter.getDeclaringExecutable().getParameterTypes()[i] == DemoInABrowser.class) {
                index++;
            }
        }
        ExtensionContext classContext = classContext(context);
        Borrowed borrowed = classContext.getStore(NAMESPACE).getOrComputeIfAbsent(Borrowed.class, key -> new Borrowed(), Borrowed.class);
        while (borrowed.browsers.size() <= index) {
            borrowed.browsers.add(pool(context).take());
        }
        return borrowed.browsers.get(index);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }

    private static Pool pool(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(Pool.class, key -> new Pool(), Pool.class);
    }

    /** The browsers a test class holds, in the order its parameters asked for them. */
    private static final class Borrowed {
        final List<DemoInABrowser> browsers = new ArrayList<>();
    }

    /** The browsers no class holds now; closed when the run ends. */
    private static final class Pool implements AutoCloseable {

        private final Deque<DemoInABrowser> idle = new ArrayDeque<>();
        private final List<DemoInABrowser> all = new ArrayList<>();

        synchronized DemoInABrowser take() {
            DemoInABrowser browser = idle.poll();
            if (browser == null) {
                long started = System.nanoTime();
                browser = DemoInABrowser.on(StudioPlatform.get());
                all.add(browser);
                System.out.printf("[studio] browser %d started in %.1f s%n", all.size(), (System.nanoTime() - started) / 1e9);
            }
            browser.reset();
            return browser;
        }

        synchronized void giveBack(List<DemoInABrowser> browsers) {
            idle.addAll(browsers);
        }

        @Override
        public synchronized void close() {
            all.forEach(DemoInABrowser::close);
        }
    }
}
