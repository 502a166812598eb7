package org.reportplatform.systemtests;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.reportplatform.platform.security.DemoTokens;

/**
 * One platform for every reliability scenario of the test run: Apache Kafka's broker as a process
 * of its own ({@link KafkaServerProcess}, so a scenario can stop and start it) and the four
 * services as processes on it, without the demo report (each scenario writes its own edition).
 * Started by the first test class that uses it, stopped when the whole run ends: scenarios
 * restart processes within themselves but leave the platform running for the next one.
 *
 * <p>Tokens: the demo tokens, plus secret ones (random per run) with the same roles, whose
 * values differ from their names; only those can show that a token never reaches a log, an
 * event or an answer (a demo token's value is also its name, which is logged on purpose).
 *
 * <pre>&#64;ExtendWith(SharedPlatform.class) ... SharedPlatform.get()</pre>
 */
final class SharedPlatform implements BeforeAllCallback {

    private static final Path ROOT = Path.of(System.getProperty("platform.root", "..")).toAbsolutePath().normalize();
    private static final List<String> DEMO_TEAMS = List.of("message-presidente", "comite-contre-la-torture", "defenseurs",
            "reponse-aux-crises", "violences-policieres", "quete-de-justice", "soutien-aux-victimes", "migrants", "enfants",
            "femmes", "renforcement-reseau", "partenaires-locaux", "initiatives-culturelles", "donateurs-finances");

    private static volatile Running running;

    /** The running platform and what the scenarios need around it. */
    record Running(KafkaServerProcess broker, Platform platform, RawHttp gateway, TopicLog topics, Path logs,
            Map<String, String> secretTokens) {

        /** The secret token of a role: {@code admin}, {@code operator}, {@code webteam}, or a team. */
        String secret(String role) {
            return secretTokens.get(role);
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
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String role : List.of("admin", "operator", "webteam", "enfants", "femmes")) {
            secrets.put(role, "rt-" + UUID.randomUUID());
        }
        Platform platform;
        try {
            platform = Platform.start(broker.bootstrapServers(), false, Platform.TEST_JVM,
                    Map.of("SPRING_APPLICATION_JSON", tokensJson(secrets)), logs);
        } catch (RuntimeException e) {
            broker.close();
            throw e;
        }
        running = new Running(broker, platform, new RawHttp(platform.gatewayUrl()), new TopicLog(broker.bootstrapServers()),
                logs, Map.copyOf(secrets));
        System.out.printf("[reliability] platform started in %.1f s: broker %s, gateway %s, logs in %s%n",
                (System.nanoTime() - started) / 1e9, broker.bootstrapServers(), platform.gatewayUrl(), logs);
        return () -> {
            platform.close();
            broker.close();
            running = null;
        };
    }

    /**
     * report.auth.tokens for every service (SPRING_APPLICATION_JSON outranks application-demo.yml,
     * whose list it replaces): the demo tokens as documented, and the secret ones.
     */
    private static String tokensJson(Map<String, String> secrets) {
        List<String> tokens = new ArrayList<>();
        tokens.add(token("demo-admin", "demo-admin", null, "ADMIN"));
        tokens.add(token("demo-operator", "demo-operator", null, "OPERATOR"));
        tokens.add(token("demo-webteam", "demo-webteam", null, "WEBTEAM"));
        DEMO_TEAMS.forEach(team -> tokens.add(token("demo-" + team, "demo-" + team, team, null)));
        tokens.add(token("secret-admin", secrets.get("admin"), null, "ADMIN"));
        tokens.add(token("secret-operator", secrets.get("operator"), null, "OPERATOR"));
        tokens.add(token("secret-webteam", secrets.get("webteam"), null, "WEBTEAM"));
        tokens.add(token("secret-enfants", secrets.get("enfants"), "enfants", null));
        tokens.add(token("secret-femmes", secrets.get("femmes"), "femmes", null));
        return "{\"report\":{\"auth\":{\"tokens\":[" + String.join(",", tokens) + "]}}}";
    }

    private static String token(String name, String value, String team, String role) {
        return "{\"name\":\"" + name + "\",\"sha256\":\"" + DemoTokens.sha256Hex(value) + "\""
                + (team == null ? "" : ",\"team\":\"" + team + "\"")
                + (role == null ? "" : ",\"roles\":[\"" + role + "\"]") + "}";
    }
}
