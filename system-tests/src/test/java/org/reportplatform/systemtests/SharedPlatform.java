package org.reportplatform.systemtests;


import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One platform for every reliability scenario of the test run: Apache Kafka's broker as a process
 * of its own ({@link KafkaServerProcess}, so a scenario can stop and start it) and the four
 * services as processes on it, without the demo report (each scenario writes its own edition).
 * Started by the first test class that uses it, stopped when the whole run ends: scenarios
 * restart processes within themselves but leave the platform running for the next one.
 *
 * <p>Identities: the demo tokens, and for each role of {@link #ROLES} a person signed in through
 * the gateway as a browser does it (a demo account's email and password), with the session kept,
 * and a personal token that person created in it. The personal tokens' values differ from their
 * names, and the session cookies are secrets too: only those can show that a credential never
 * reaches a log, an event or an answer (a demo token's value is also its name, which is logged on
 * purpose).
 *
 * <pre>&#64;ExtendWith(SharedPlatform.class) ... SharedPlatform.get()</pre>
 */
final class SharedPlatform implements BeforeAllCallback {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    /** The roles signed in at start: {@code admin}, {@code operator}, {@code webteam}, and two teams. */
    static final List<String> ROLES = List.of("admin", "operator", "webteam", "enfants", "femmes");
    /** The password of every demo account (application-demo.yml of content-service). */
    static final String DEMO_PASSWORD = "demo-password";

    private static volatile Running running;

    /**
     * The running platform and what the scenarios need around it: per role of {@link #ROLES}, a
     * signed-in session and a personal token created in it.
     */
    record Running(KafkaServerProcess broker, Platform platform, RawHttp gateway, TopicLog topics, Path logs,
            Map<String, String> personalTokens, Map<String, GatewaySession> sessions) {

        /** The personal token of a role: {@code admin}, {@code operator}, {@code webteam}, or a team. */
        String personalToken(String role) {
            return personalTokens.get(role);
        }

        /** The signed-in session of a role (cookies and CSRF token). */
        GatewaySession session(String role) {
            return sessions.get(role);
        }

        /**
         * What must never appear in an answer (but the one that hands it out), a log or a record:
         * the personal tokens and session cookies. Not the demo accounts' password: it is public
         * (README), and content-service logs it on purpose when it creates them.
         */
        List<String> secrets() {
            List<String> secrets = new ArrayList<>(personalTokens.values());
            sessions.values().forEach(session -> secrets.add(session.session()));
            return secrets;
        }

        ServiceProcess service(String name) {
            return platform.service(name);
        }
    }

    static Running get() {
        if (running == null) {
            throw new IllegalStateException("no shared platform: put @ExtendWith(SharedPlatform.class) on the test class");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getRoot().getStore(ExtensionContext.Namespace.create(SharedPlatform.class))
                .getOrComputeIfAbsent("platform", key -> start(), AutoCloseable.class);
    }

    private static AutoCloseable start() {
        long started = System.nanoTime();
        Path logs = ROOT.resolve("system-tests/target/service-logs/reliability-" + System.currentTimeMillis());
        KafkaServerProcess broker = KafkaServerProcess.start(logs.resolve("kafka"));
        Platform platform;
        try {
            platform = Platform.start(broker.bootstrapServers(), false, Platform.TEST_JVM, Map.of(), logs);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        RawHttp gateway = new RawHttp(platform.gatewayUrl());
        Map<String, GatewaySession> sessions = new LinkedHashMap<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        try {
            for (String role : ROLES) {
                GatewaySession session = GatewaySession.signIn(gateway, role + "@example.org", DEMO_PASSWORD);
                sessions.put(role, session);
                tokens.put(role, session.createToken(gateway, "matrix", 1));
            }
            // The gateway answers a token's creation once its own view has it: each works at once.
            tokens.forEach((role, token) -> {
                RawHttp.Answer me = gateway.get("/api/me", token);
                if (me.status() != 200) {
                    throw new IllegalStateException("the new personal token of " + role + " is refused: " + me);
                }
            });
        } catch (RuntimeException | Error e) {
            platform.close();
            broker.close();
            throw e;
        }
        running = new Running(broker, platform, gateway, new TopicLog(broker.bootstrapServers()), logs, Map.copyOf(tokens),
                Map.copyOf(sessions));
        System.out.printf("[reliability] platform started in %.1f s: broker %s, gateway %s, %d people signed in with a personal token "
                + "each, logs in %s%n", (System.nanoTime() - started) / 1e9, broker.bootstrapServers(), platform.gatewayUrl(),
                sessions.size(), logs);
        return () -> {
            platform.close();
            broker.close();
            running = null;
        };
    }

    /**
     * Every {@code .log} file under {@code root} (the services' and the broker's logs, the broker's
     * segments), read once. The broker keeps writing while this runs: a file that vanishes between
     * being listed and being read (a checkpoint's {@code .tmp}) is skipped, not an error.
     */
    static Map<Path, String> logFiles(Path root) throws java.io.IOException {
        Map<Path, String> logs = new LinkedHashMap<>();
        Files.walkFileTree(root, new java.nio.file.SimpleFileVisitor<>() {
            @Override
            public java.nio.file.FileVisitResult visitFile(Path file, java.nio.file.attribute.BasicFileAttributes attributes)
                    throws java.io.IOException {
                if (attributes.isRegularFile() && file.toString().endsWith(".log")) {
                    try {
                        logs.put(file, Files.readString(file, StandardCharsets.ISO_8859_1));
                    } catch (java.nio.file.NoSuchFileException gone) {
                        // rolled or deleted by the broker meanwhile
                    }
                }
                return java.nio.file.FileVisitResult.CONTINUE;
            }

            @Override
            public java.nio.file.FileVisitResult visitFileFailed(Path file, java.io.IOException failure) throws java.io.IOException {
                if (failure instanceof java.nio.file.NoSuchFileException) {
                    return java.nio.file.FileVisitResult.CONTINUE;
                }
                throw failure;
            }
        });
        return logs;
    }
}
