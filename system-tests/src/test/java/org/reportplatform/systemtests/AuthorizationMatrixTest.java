package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.reportplatform.platform.security.DemoTokens;
import org.reportplatform.schemas.Topics;

/**
 * Authorization matrix: every write and operator endpoint, and the accounts, sessions and personal
 * tokens API, through the gateway, called by each role (nobody, an unknown credential, another
 * team, the owning team, the web team, an operator, an admin), each call otherwise valid (right
 * revision, valid body, a resource of its own where the call consumes one). Each gets exactly what
 * the rules of docs/architecture.md, docs/figures-api.md and docs/accounts.md allow. Run three
 * times: with the demo tokens, with personal tokens of the same roles, and with their signed-in
 * browser sessions (cookies, and the CSRF token in X-CSRF-TOKEN on unsafe requests). What a token
 * may do, its session may too, and more: only a session creates tokens and accounts, and only with
 * its CSRF token. No personal token, session cookie, invitation link or password may then appear
 * in a service or broker log, a record on any topic, or an answer (but the one that hands it out).
 */
@ExtendWith(SharedPlatform.class)
class AuthorizationMatrixTest {

    private static final String EDITION = "2096";
    private static final List<String> ROLES = List.of("anonymous", "unknown", "other team", "owning team", "web team", "operator", "admin");
    private static final Pattern SHA_256_HEX = Pattern.compile("[0-9a-f]{64}");

    private final SharedPlatform.Running platform = SharedPlatform.get();
    private final ReportApi api = new ReportApi(platform.gateway());
    private final RawHttp http = platform.gateway();
    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private int sequence;
    /** The account PATCH and :reset-password are tried on: invited for the purpose, nobody's real account. */
    private String target;

    /** How a set of identities calls: API tokens (demo or personal), or signed-in browser sessions. */
    enum Kind { TOKENS, SESSIONS }

    /** Who calls: nobody, a bearer token, or a browser (its session cookie, CSRF cookie and token). */
    record Identity(String token, GatewaySession browser) {

        static final Identity NOBODY = new Identity(null, null);

        static Identity token(String token) {
            return new Identity(token, null);
        }

        static Identity session(GatewaySession browser) {
            return new Identity(null, browser);
        }

        /** A request's headers as this identity sends them (a session: with its CSRF token), then the given ones. */
        Map<String, String> headers(String... namesAndValues) {
            return with(browser == null ? Map.of() : browser.headers(), namesAndValues);
        }

        /** The same, but a session's request without its CSRF token (as a page of another site would make a browser send it). */
        Map<String, String> headersWithoutCsrf(String... namesAndValues) {
            return with(browser == null ? Map.of() : browser.headersWithoutCsrf(), namesAndValues);
        }

        private Map<String, String> with(Map<String, String> browserHeaders, String... namesAndValues) {
            Map<String, String> headers = new LinkedHashMap<>(browserHeaders);
            if (token != null) {
                headers.put("Authorization", "Bearer " + token);
            }
            for (int i = 0; i < namesAndValues.length; i += 2) {
                headers.put(namesAndValues[i], namesAndValues[i + 1]);
            }
            headers.putIfAbsent("Content-Type", "application/json");
            return headers;
        }

        @Override
        public String toString() {
            return token != null ? "a token" : browser != null ? "a browser session" : "nobody";
        }
    }

    /** One set of identities, in the order of {@link #ROLES}. */
    record IdentitySet(String name, Kind kind, List<Identity> identities) {
    }

    /** What each role of {@link #ROLES} gets, calling with a token and with a session. */
    record Expected(List<Integer> tokens, List<Integer> sessions) {

        /** The same whichever way the caller signed in. */
        static Expected same(Integer... statuses) {
            return new Expected(List.of(statuses), List.of(statuses));
        }

        int of(Kind kind, int role) {
            return (kind == Kind.TOKENS ? tokens : sessions).get(role);
        }
    }

    /** One endpoint: how to call it as an identity, and what each role gets. */
    record Action(String name, Function<Identity, RawHttp.Answer> call, Expected expected) {
    }

    private List<Action> actions() {
        String chapters = ReportApi.chapters(EDITION);
        String indicators = ReportApi.indicators(EDITION);
        String datasets = ReportApi.datasets(EDITION);
        Expected ownerOrAdmin = Expected.same(401, 401, 403, 200, 403, 403, 200);
        Expected adminCreates = Expected.same(401, 401, 403, 403, 403, 403, 201);
        Expected adminDeletes = Expected.same(401, 401, 403, 403, 403, 403, 204);
        Expected signedIn = Expected.same(401, 401, 200, 200, 200, 200, 200);
        // A token needs no CSRF token (no browser sends one on its own); a session's cookie does.
        Expected ownerOrAdminButNoSessionWithoutCsrf = new Expected(ownerOrAdmin.tokens(), List.of(401, 403, 403, 403, 403, 403, 403));
        // Creating accounts, links and tokens, or changing accounts: a signed-in session only.
        Expected adminSessionOnly = new Expected(List.of(401, 401, 403, 403, 403, 403, 403), List.of(401, 401, 403, 403, 403, 403, 200));
        GatewaySession otherBrowser = GatewaySession.anonymous(http);
        return List.of(
                new Action("PUT chapter (edit)", who -> http.send("PUT", chapters + "/matrice", withCurrent(who, chapters + "/matrice"),
                        ReportApi.json("{\"title\": \"Matrice\", \"body\": %s}", "Texte " + next())), ownerOrAdmin),
                new Action("PUT chapter (create)", who -> http.send("PUT", chapters + "/nouveau-" + next(), who.headers("If-None-Match", "*"),
                        ReportApi.json("{\"title\": \"Nouveau\", \"body\": \"Texte\", \"ownerTeam\": \"enfants\"}")), adminCreates),
                new Action("POST chapter move", who -> http.send("POST", chapters + "/matrice/move", who.headers(),
                        ReportApi.json("{\"position\": 1}")), Expected.same(401, 401, 403, 403, 403, 403, 200)),
                new Action("POST chapter restore", who -> http.send("POST", chapters + "/matrice/revisions/1/restore", who.headers(), null),
                        ownerOrAdmin),
                new Action("DELETE chapter", who -> {
                    String slug = "jetable-" + next();
                    assertThat(api.createChapter(EDITION, slug, "enfants", "Jetable", "Texte").status()).isEqualTo(201);
                    return http.send("DELETE", chapters + "/" + slug, who.headers("If-Match", "\"1\""), null);
                }, adminDeletes),
                new Action("PUT indicator (edit)", who -> http.send("PUT", indicators + "/matrice.f", withCurrent(who, indicators + "/matrice.f"),
                        ReportApi.json("{\"label\": \"Mesure\", \"type\": \"integer\", \"value\": " + next() + "}")), ownerOrAdmin),
                new Action("PUT indicator (create)", who -> http.send("PUT", indicators + "/nouveau.f" + next(), who.headers("If-None-Match", "*"),
                        ReportApi.json("{\"label\": \"Mesure\", \"type\": \"integer\", \"value\": 1, \"ownerTeam\": \"enfants\"}")), adminCreates),
                new Action("POST indicators:import", who -> http.send("POST", indicators + ":import", who.headers("Content-Type", "text/csv"),
                        ("id,value\nmatrice.f," + next() + "\n").getBytes(StandardCharsets.UTF_8)), ownerOrAdmin),
                new Action("POST indicator restore", who -> http.send("POST", indicators + "/matrice.f/revisions/1/restore", who.headers(), null),
                        ownerOrAdmin),
                new Action("DELETE indicator", who -> {
                    String id = "jetable.f" + next();
                    assertThat(api.createIndicator(EDITION, id, "enfants", 1).status()).isEqualTo(201);
                    return http.send("DELETE", indicators + "/" + id, who.headers("If-Match", "\"1\""), null);
                }, adminDeletes),
                new Action("PUT dataset (edit)", who -> http.send("PUT", datasets + "/matrice-d", withCurrent(who, datasets + "/matrice-d"),
                        dataset(null)), ownerOrAdmin),
                new Action("PUT dataset (create)", who -> http.send("PUT", datasets + "/nouveau-d" + next(), who.headers("If-None-Match", "*"),
                        dataset("enfants")), adminCreates),
                new Action("POST dataset :import", who -> {
                    Map<String, String> headers = withCurrent(who, datasets + "/matrice-d");
                    headers.put("Content-Type", "text/csv");
                    return http.send("POST", datasets + "/matrice-d:import", headers, ("label,n\na," + next() + "\n").getBytes(StandardCharsets.UTF_8));
                }, ownerOrAdmin),
                new Action("POST dataset restore", who -> http.send("POST", datasets + "/matrice-d/revisions/1/restore", who.headers(), null),
                        ownerOrAdmin),
                new Action("DELETE dataset", who -> {
                    String id = "jetable-d" + next();
                    assertThat(http.send("PUT", datasets + "/" + id, ReportApi.headers(ReportApi.ADMIN, "If-None-Match", "*"), dataset("enfants"))
                            .status()).isEqualTo(201);
                    return http.send("DELETE", datasets + "/" + id, who.headers("If-Match", "\"1\""), null);
                }, adminDeletes),
                new Action("POST /api/ops/rebuild", who -> http.send("POST", "/api/ops/rebuild", who.headers(), null),
                        Expected.same(401, 401, 403, 403, 403, 200, 200)),
                new Action("GET /api/live", who -> http.open("/api/live", who.headers()), Expected.same(401, 401, 403, 403, 200, 200, 200)),
                // CSRF: a session's write without its token, or with another browser's, is refused before anything else
                new Action("PUT chapter, no CSRF", who -> http.send("PUT", chapters + "/matrice",
                        withCurrent(who.headersWithoutCsrf(), chapters + "/matrice"),
                        ReportApi.json("{\"title\": \"Matrice\", \"body\": %s}", "Texte " + next())), ownerOrAdminButNoSessionWithoutCsrf),
                new Action("PUT chapter, wrong CSRF", who -> {
                    Map<String, String> headers = withCurrent(who.headers(), chapters + "/matrice");
                    headers.put(GatewaySession.CSRF_HEADER, otherBrowser.csrf());
                    return http.send("PUT", chapters + "/matrice", headers,
                            ReportApi.json("{\"title\": \"Matrice\", \"body\": %s}", "Texte " + next()));
                }, ownerOrAdminButNoSessionWithoutCsrf),
                // Accounts (docs/accounts.md): admins only; changes by a session only
                new Action("GET /api/accounts", who -> http.send("GET", "/api/accounts", who.headers(), null),
                        Expected.same(401, 401, 403, 403, 403, 403, 200)),
                new Action("POST /api/accounts", who -> http.send("POST", "/api/accounts", who.headers(), ReportApi.json(
                        "{\"email\": %s, \"displayName\": \"Invitée de la matrice\", \"roles\": [\"member\"], \"teams\": [\"enfants\"]}",
                        "matrice-" + run + "-" + next() + "@example.org")), new Expected(adminSessionOnly.tokens(),
                        List.of(401, 401, 403, 403, 403, 403, 201))),
                new Action("PATCH /api/accounts/{id}", who -> http.send("PATCH", "/api/accounts/" + target, who.headers(),
                        ReportApi.json("{\"displayName\": %s}", "Cible de la matrice " + next())), adminSessionOnly),
                new Action("POST :reset-password", who -> http.send("POST", "/api/accounts/" + target + ":reset-password", who.headers(), null),
                        adminSessionOnly),
                // One's own account and tokens: anyone signed in; creating a token: a session only
                new Action("GET /api/me", who -> http.send("GET", "/api/me", who.headers(), null), signedIn),
                new Action("POST /api/me/tokens", who -> http.send("POST", "/api/me/tokens", who.headers(),
                        ReportApi.json("{\"name\": %s, \"expiresInDays\": 1}", "matrice " + next())),
                        new Expected(List.of(401, 401, 403, 403, 403, 403, 403), List.of(401, 401, 201, 201, 201, 201, 201))),
                new Action("GET /api/me/tokens", who -> http.send("GET", "/api/me/tokens", who.headers(), null), signedIn));
    }

    @Test
    void eachRoleGetsExactlyWhatTheRulesAllowAndNoSecretLeaks() throws Exception {
        // Given a chapter, an indicator and a dataset of team enfants, and an account invited by the admin to be changed
        assertThat(api.createChapter(EDITION, "matrice", "enfants", "Matrice", "Texte").status()).isEqualTo(201);
        assertThat(api.createIndicator(EDITION, "matrice.f", "enfants", 1).status()).isEqualTo(201);
        assertThat(http.send("PUT", ReportApi.datasets(EDITION) + "/matrice-d", ReportApi.headers(ReportApi.ADMIN, "If-None-Match", "*"),
                dataset("enfants")).status()).isEqualTo(201);
        Map<String, String> adminSession = new LinkedHashMap<>(platform.session("admin").headers());
        adminSession.put("Content-Type", "application/json");
        RawHttp.Answer invited = http.send("POST", "/api/accounts", adminSession, ReportApi.json(
                "{\"email\": %s, \"displayName\": \"Cible de la matrice\", \"roles\": [\"member\"], \"teams\": [\"enfants\"]}",
                "cible-" + run + "@example.org"));
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        target = JsonPath.read(invited.body(), "$.account.id");
        String invitation = JsonPath.read(invited.body(), "$.invitation.token");
        // who set a password of their own with the link and signed in with it: a password that must reach no log or record
        String password = "mot de passe " + UUID.randomUUID();
        RawHttp.Answer accepted = http.send("POST", "/api/invitations/" + invitation, Map.of("Content-Type", "application/json"),
                ReportApi.json("{\"password\": %s}", password));
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(204);
        GatewaySession targetSession = GatewaySession.signInWithNewPassword(http, "cible-" + run + "@example.org", password);
        List<String> issued = new ArrayList<>(List.of(invitation, password, targetSession.session()));

        // and the three sets of identities, in the order of ROLES
        String unknownDemo = "rt-unknown-" + UUID.randomUUID();
        String unknownPersonal = "rpt_0123456789abcdef_" + UUID.randomUUID().toString().replace("-", "");
        GatewaySession unknownSession = GatewaySession.anonymous(http).withUnknownSession();
        List<IdentitySet> sets = List.of(
                new IdentitySet("demo tokens", Kind.TOKENS, List.of(Identity.NOBODY, Identity.token(unknownDemo), Identity.token("demo-femmes"),
                        Identity.token("demo-enfants"), Identity.token("demo-webteam"), Identity.token("demo-operator"), Identity.token("demo-admin"))),
                new IdentitySet("personal tokens", Kind.TOKENS, List.of(Identity.NOBODY, Identity.token(unknownPersonal),
                        Identity.token(platform.personalToken("femmes")), Identity.token(platform.personalToken("enfants")),
                        Identity.token(platform.personalToken("webteam")), Identity.token(platform.personalToken("operator")),
                        Identity.token(platform.personalToken("admin")))),
                new IdentitySet("sessions", Kind.SESSIONS, List.of(Identity.NOBODY, Identity.session(unknownSession),
                        Identity.session(platform.session("femmes")), Identity.session(platform.session("enfants")),
                        Identity.session(platform.session("webteam")), Identity.session(platform.session("operator")),
                        Identity.session(platform.session("admin")))));

        // When every role calls every endpoint, each way
        List<String> mismatches = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        // a secret handed out by an answer (a new token, an invitation link): the index of that answer
        Map<String, Integer> handedOut = new LinkedHashMap<>();
        List<Action> actions = actions();
        int calls = 0;
        StringBuilder table = new StringBuilder();
        for (IdentitySet set : sets) {
            table.append(String.format("%n  %-28s", set.name()));
            ROLES.forEach(role -> table.append(String.format("%-13s", role)));
            for (Action action : actions) {
                table.append(String.format("%n  %-28s", action.name()));
                for (int r = 0; r < ROLES.size(); r++) {
                    RawHttp.Answer answer = action.call().apply(set.identities().get(r));
                    calls++;
                    answers.add(answer.body() + answer.headers());
                    secretsHandedOut(answer).forEach(secret -> handedOut.put(secret, answers.size() - 1));
                    int expected = action.expected().of(set.kind(), r);
                    table.append(String.format("%-13s", answer.status() + (answer.status() == expected ? "" : " (!" + expected + ")")));
                    if (answer.status() != expected) {
                        mismatches.add(set.name() + ": " + action.name() + " as " + ROLES.get(r) + ": expected " + expected + ", got " + answer);
                    }
                    if (answer.status() >= 400 && !answer.header("content-type").contains("json")) {
                        mismatches.add(set.name() + ": " + action.name() + " as " + ROLES.get(r) + ": a refusal without a JSON problem: " + answer);
                    }
                }
            }
        }
        System.out.printf("[reliability] authorization matrix: %d calls (%d endpoints x %d roles x %d identity sets), %d as the rules say:%s%n",
                calls, actions.size(), ROLES.size(), sets.size(), calls - mismatches.size(), table);

        // Then each got what the rules allow
        assertThat(mismatches).isEmpty();

        // and no personal token, session cookie, invitation link or password (nor the unknown credentials) is in an
        // answer but the one that handed it out, a service or broker log, or a record (key, value, headers) of any topic
        List<String> secrets = new ArrayList<>(platform.secrets());
        secrets.addAll(List.of(unknownDemo, unknownPersonal, unknownSession.session()));
        secrets.addAll(issued);
        secrets.addAll(handedOut.keySet());
        List<String> leaks = new ArrayList<>();
        Map<Path, String> logs = SharedPlatform.logFiles(platform.logs());
        for (String secret : secrets) {
            for (int i = 0; i < answers.size(); i++) {
                if (answers.get(i).contains(secret) && !Integer.valueOf(i).equals(handedOut.get(secret))) {
                    leaks.add("an answer: " + answers.get(i));
                }
            }
            logs.forEach((file, text) -> {
                if (text.contains(secret)) {
                    leaks.add("the log " + file);
                }
            });
        }
        int records = 0;
        List<String> sessionKeys = new ArrayList<>();
        for (String topic : List.of(Topics.CHAPTERS.name(), Topics.INDICATORS.name(), Topics.DATASETS.name(), Topics.PAGES.name(),
                Topics.DOCUMENTS.name(), Topics.ACCOUNTS.name(), Topics.PERSONAL_TOKENS.name(), Topics.SESSIONS.name())) {
            for (TopicLog.Entry entry : platform.topics().records(topic)) {
                records++;
                String bytes = entry.key() + (entry.value() == null ? "" : new String(entry.value(), StandardCharsets.ISO_8859_1)) + entry.headers();
                secrets.stream().filter(bytes::contains).forEach(s -> leaks.add(topic + " at " + entry.partition() + "@" + entry.offset()));
                if (topic.equals(Topics.SESSIONS.name())) {
                    sessionKeys.add(entry.key());
                }
            }
        }
        System.out.printf("[reliability] secrets: %d (personal tokens, session cookies, invitation links, the password, unknown credentials) "
                + "looked for in %d answers, the service and broker logs and %d records: %d found%n", secrets.size(), answers.size(), records,
                leaks.size());
        assertThat(leaks).isEmpty();
        // and the sessions topic knows each session by the SHA-256 of its cookie alone
        assertThat(sessionKeys).allMatch(key -> SHA_256_HEX.matcher(key).matches(), "SHA-256 hex");
        platform.sessions().values().forEach(session -> assertThat(sessionKeys).contains(DemoTokens.sha256Hex(session.session())));
    }

    /** The personal token or link an answer hands out, shown once: {@code token} (a token, a reset link) or {@code invitation.token}. */
    private static List<String> secretsHandedOut(RawHttp.Answer answer) {
        if (answer.status() < 200 || answer.status() >= 300 || !answer.body().startsWith("{")) {
            return List.of();
        }
        List<String> secrets = new ArrayList<>();
        for (String path : List.of("$.token", "$.invitation.token")) {
            try {
                Object value = JsonPath.read(answer.body(), path);
                if (value instanceof String secret && !secret.isEmpty()) {
                    secrets.add(secret);
                }
            } catch (RuntimeException absent) {
                // not this kind of answer
            }
        }
        return secrets;
    }

    private String next() {
        return Integer.toString(++sequence);
    }

    /** The identity's headers with If-Match: the resource's current revision. */
    private Map<String, String> withCurrent(Identity who, String path) {
        return withCurrent(who.headers(), path);
    }

    private Map<String, String> withCurrent(Map<String, String> headers, String path) {
        RawHttp.Answer current = http.get(path);
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        Map<String, String> withRevision = new LinkedHashMap<>(headers);
        withRevision.put("If-Match", current.header("etag"));
        withRevision.put("Content-Type", "application/json");
        return withRevision;
    }

    private byte[] dataset(String ownerTeam) {
        return ("{\"title\": \"Table\", \"columns\": [{\"name\": \"label\", \"type\": \"text\"}, {\"name\": \"n\", \"type\": \"number\"}], "
                + "\"rows\": [[\"a\", " + next() + "]]" + (ownerTeam == null ? "" : ", \"ownerTeam\": \"" + ownerTeam + "\"") + "}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
