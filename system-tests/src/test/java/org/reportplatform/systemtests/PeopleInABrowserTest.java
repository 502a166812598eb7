package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.reportplatform.platform.testing.KafkaBroker;

/**
 * People sign in as themselves, in a real browser (headless Debian chromium) on the platform as
 * processes: an admin invites a person, the person sets a password with the one-time link, signs
 * in, creates a personal API token, and the edit made with it names them; and a person of the
 * organisation's identity provider (a real OpenID Connect provider, {@link OidcProvider}) signs in
 * with it and gets the team their group maps to, while someone no mapping matches is refused.
 * axe-core checks every page on the way (WCAG 2.2 A and AA: 0 violations).
 *
 * <p>Screenshots: {@code system-tests/target/screenshots/people-*.png}.
 */
class PeopleInABrowserTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final OidcProvider.Person NADIA = new OidcProvider.Person("nadia", "provider-password-1",
            "nadia.haddad@ngo.example", "Nadia Haddad", List.of("programme-violences-policieres"));
    private static final OidcProvider.Person VISITOR = new OidcProvider.Person("visitor", "provider-password-2",
            "visitor@elsewhere.example", "Un visiteur", List.of("guests"));

    private static OidcProvider provider;
    private static DemoInABrowser demo;

    @BeforeAll
    static void startAnIdentityProviderThePlatformAndABrowser() {
        int gatewayPort = Ports.free();
        provider = OidcProvider.start(Ports.free(), "http://localhost:" + gatewayPort + "/login/oauth2/code/organisation",
                List.of(NADIA, VISITOR));
        // As an organisation configures the gateway (README): the registration, and its groups' roles and teams.
        String oidc = """
                {"spring": {"security": {"oauth2": {"client": {
                   "registration": {"organisation": {"client-id": "%s", "client-secret": "%s", "scope": ["openid", "profile", "email"]}},
                   "provider": {"organisation": {"issuer-uri": "%s"}}}}}},
                 "report": {"oidc": {"registration": "organisation", "label": "le compte de l’organisation",
                   "mappings": [{"group": "programme-violences-policieres", "teams": ["violences-policieres"]}]}}}
                """.formatted(OidcProvider.CLIENT_ID, OidcProvider.CLIENT_SECRET, provider.issuer());
        demo = DemoInABrowser.start(() -> Platform.start(kafka.bootstrapServers(), true, Platform.TEST_JVM,
                Map.of("SPRING_APPLICATION_JSON", oidc),
                Path.of(System.getProperty("platform.root", "..")).resolve("system-tests/target/service-logs/people-" + System.currentTimeMillis()),
                gatewayPort), "/2024/enfants");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void anAdminInvitesAPersonWhoSetsAPasswordSignsInAndEditsWithAPersonalToken() {
        WebDriver browser = demo.browser();
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        browser.manage().deleteAllCookies();

        // Given the admin opens the administration: the sign-in form first
        browser.get(demo.url("/admin/accounts"));
        assertThat(browser.getCurrentUrl()).endsWith("/signin?next=/admin/accounts");
        assertThat(demo.accessibilityViolations()).as("axe-core on the sign-in page").isEmpty();
        demo.screenshot("people-signin.png");

        // When a wrong password is typed, the form says so without telling whether the email exists
        demo.signInAs("admin@example.org", "not-the-password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("signin-error")));
        assertThat(browser.findElement(By.id("signin-error")).getText()).isEqualTo("Adresse e-mail ou mot de passe incorrect.");
        assertThat(demo.accessibilityViolations()).as("axe-core on the refused sign-in").isEmpty();

        // When the admin signs in and invites Lucie to team enfants
        demo.signInAs("admin@example.org", DemoInABrowser.DEMO_PASSWORD);
        wait.until(ExpectedConditions.urlToBe(demo.url("/admin/accounts")));
        assertThat(browser.findElement(By.cssSelector("form.account .who")).getText()).contains("Claire Dubois");
        assertThat(workspaceLinks(browser)).containsExactly("Studio", "Mon compte", "En direct", "Exploitation", "Comptes");
        assertThat(demo.accessibilityViolations()).as("axe-core on /admin/accounts").isEmpty();
        String email = "lucie-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("displayName")).sendKeys("Lucie Martin");
        browser.findElement(By.id("role-member")).click();
        browser.findElement(By.id("team-enfants")).click();
        demo.screenshot("people-invite.png");
        browser.findElement(By.cssSelector("form[action='/admin/accounts'] button[type=submit]")).click();

        // Then the page shows the one-time link to send her
        String link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("link"))).getAttribute("value");
        assertThat(link).startsWith(demo.url("/invitation/"));
        assertThat(demo.accessibilityViolations()).as("axe-core on the invitation link").isEmpty();
        demo.screenshot("people-link.png");
        demo.signOut();
        wait.until(ExpectedConditions.urlContains("/signin"));

        // When Lucie opens the link and chooses her password
        browser.get(link);
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("Lucie Martin");
        assertThat(demo.accessibilityViolations()).as("axe-core on the invitation page").isEmpty();
        String password = "un long mot de passe " + UUID.randomUUID();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("confirmation")).sendKeys(password);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("a[href='/signin']")));
        assertThat(demo.accessibilityViolations()).as("axe-core on the account ready page").isEmpty();

        // Then she signs in and her account page shows who she is
        browser.get(demo.url("/signin"));
        demo.signInAs(email, password);
        wait.until(ExpectedConditions.urlToBe(demo.url("/account")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Lucie Martin", email, "enfants");
        assertThat(workspaceLinks(browser)).as("a member's header offers the studio and her account").containsExactly("Studio", "Mon compte");
        assertThat(demo.accessibilityViolations()).as("axe-core on /account").isEmpty();

        // And a page that is not for a member says so, naming her
        browser.get(demo.url("/admin/accounts"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accès réservé");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Lucie Martin");
        assertThat(demo.accessibilityViolations()).as("axe-core on the refusal").isEmpty();
        browser.get(demo.url("/account"));

        // When she creates a personal token and a script edits her team's chapter with it
        browser.findElement(By.id("name")).sendKeys("Import des chiffres");
        browser.findElement(By.cssSelector("form[action='/account/tokens'] button[type=submit]")).click();
        String token = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token"))).getAttribute("value");
        assertThat(token).startsWith("rpt_");
        demo.screenshot("people-token.png");
        String sentence = "Mis à jour par un script de Lucie (" + System.nanoTime() + ").";
        demo.edit("enfants", token, sentence);

        // Then the chapter's history names her, and the token she used
        Http gateway = new Http(demo.url(""));
        HttpResponse<String> history = gateway.get("/api/editions/2024/chapters/enfants/revisions?limit=100");
        List<String> names = JsonPath.read(history.body(), "$[*].updatedByName");
        assertThat(names).last().isEqualTo("Lucie Martin");

        // When she enrols a second factor with her authenticator app (the key typed in by hand)
        browser.get(demo.url("/account/second-factor"));
        browser.findElement(By.cssSelector("form[action='/account/second-factor'] button[type=submit]")).click();
        String secret = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("secret"))).getText().replace(" ", "");
        assertThat(browser.findElement(By.cssSelector("img[src^='data:image/png']")).getAttribute("alt")).isNotBlank();
        assertThat(demo.accessibilityViolations()).as("axe-core on the enrolment").isEmpty();
        demo.screenshot("people-second-factor.png");
        browser.findElement(By.id("code")).sendKeys(currentCode(secret));
        browser.findElement(By.cssSelector("form[action='/account/second-factor/confirm'] button[type=submit]")).click();

        // Then she is shown her ten recovery codes, once
        List<String> recoveryCodes = wait.until(ExpectedConditions.presenceOfAllElementsLocatedBy(By.cssSelector("#recovery-codes code")))
                .stream().map(code -> code.getText()).toList();
        assertThat(recoveryCodes).hasSize(10).doesNotHaveDuplicates();
        assertThat(demo.accessibilityViolations()).as("axe-core on the recovery codes").isEmpty();

        // And the next sign-in asks for a code after the password
        demo.signOut();
        wait.until(ExpectedConditions.urlContains("/signin"));
        browser.get(demo.url("/signin"));
        demo.signInAs(email, password);
        wait.until(ExpectedConditions.urlContains("/signin/code"));
        assertThat(demo.accessibilityViolations()).as("axe-core on the code step").isEmpty();
        browser.get(demo.url("/account"));
        assertThat(browser.getCurrentUrl()).as("nothing opens before the code").doesNotEndWith("/account");
        browser.get(demo.url("/signin/code"));
        browser.findElement(By.id("code")).sendKeys(currentCode(secret));
        browser.findElement(By.cssSelector("form[action='/signin/code'] button[type=submit]")).click();
        wait.until(ExpectedConditions.urlToBe(demo.url("/account")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("État : activée");

        // And a recovery code stands in for a lost phone, once
        demo.signOut();
        wait.until(ExpectedConditions.urlContains("/signin"));
        for (String attempt : List.of("first", "again")) {
            browser.get(demo.url("/signin"));
            demo.signInAs(email, password);
            wait.until(ExpectedConditions.urlContains("/signin/code"));
            browser.findElement(By.id("code")).sendKeys(recoveryCodes.get(0));
            browser.findElement(By.cssSelector("form[action='/signin/code'] button[type=submit]")).click();
            if (attempt.equals("first")) {
                wait.until(ExpectedConditions.urlToBe(demo.url("/account")));
                demo.signOut();
                wait.until(ExpectedConditions.urlContains("/signin"));
            } else {
                assertThat(wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("code-error"))).getText()).isNotBlank();
                assertThat(demo.accessibilityViolations()).as("axe-core on a refused code").isEmpty();
                browser.findElement(By.id("code")).sendKeys(currentCode(secret));
                browser.findElement(By.cssSelector("form[action='/signin/code'] button[type=submit]")).click();
                wait.until(ExpectedConditions.urlToBe(demo.url("/account")));
            }
        }

        // And signing out ends her session: the account page asks to sign in again
        demo.signOut();
        wait.until(ExpectedConditions.urlContains("/signin"));
        browser.get(demo.url("/account"));
        assertThat(browser.getCurrentUrl()).endsWith("/signin?next=/account");
    }

    @Test
    void aPersonOfTheOrganisationsIdentityProviderSignsInWithItAndGetsTheirTeam() {
        WebDriver browser = demo.browser();
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        browser.manage().deleteAllCookies();

        // Given the sign-in page offers the organisation's provider
        browser.get(demo.url("/signin"));
        By providerButton = By.linkText("Se connecter avec le compte de l’organisation");
        assertThat(browser.findElements(providerButton)).hasSize(1);

        // When Nadia uses it and signs in at the provider
        browser.findElement(providerButton).click();
        wait.until(ExpectedConditions.urlContains(provider.issuer()));
        signInAtTheProvider(browser, NADIA);

        // Then she is back, signed in, with the team her group maps to
        wait.until(ExpectedConditions.urlToBe(demo.url("/account")));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Nadia Haddad", NADIA.email(), "violences-policieres");
        assertThat(demo.accessibilityViolations()).as("axe-core on /account after the provider").isEmpty();
        demo.screenshot("people-provider.png");
        demo.signOut();
        wait.until(ExpectedConditions.urlContains("/signin"));

        // When someone whose groups no mapping matches signs in at the provider
        browser.manage().deleteAllCookies();
        browser.get(demo.url("/signin"));
        browser.findElement(providerButton).click();
        wait.until(ExpectedConditions.urlContains(provider.issuer()));
        signInAtTheProvider(browser, VISITOR);

        // Then the gateway refuses, saying why in French, and nobody is signed in
        wait.until(ExpectedConditions.urlToBe(demo.url("/signin?providerRefused")));
        assertThat(browser.findElement(By.id("signin-error")).getText()).contains("n’a pas abouti");
        assertThat(demo.accessibilityViolations()).as("axe-core on the refused provider sign-in").isEmpty();
        browser.get(demo.url("/account"));
        assertThat(browser.getCurrentUrl()).endsWith("/signin?next=/account");
    }

    /** The header's links to the reserved pages the person may open. */
    private static List<String> workspaceLinks(WebDriver browser) {
        return browser.findElements(By.cssSelector("nav.workspace a")).stream().map(link -> link.getText()).toList();
    }

    /** What her authenticator app shows now (RFC 6238: SHA-1, 6 digits, 30 s). */
    private static String currentCode(String secret) {
        try {
            return new dev.samstevens.totp.code.DefaultCodeGenerator().generate(secret, java.time.Instant.now().getEpochSecond() / 30);
        } catch (dev.samstevens.totp.exceptions.CodeGenerationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Spring Authorization Server's own sign-in form. */
    private static void signInAtTheProvider(WebDriver browser, OidcProvider.Person person) {
        browser.findElement(By.id("username")).sendKeys(person.username());
        browser.findElement(By.id("password")).sendKeys(person.password());
        browser.findElement(By.cssSelector("button[type=submit]")).click();
    }
}
