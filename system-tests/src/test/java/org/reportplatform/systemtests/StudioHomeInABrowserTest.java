package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio's home, structure and history in a real browser (headless Debian chromium) on the
 * demo platform ({@link StudioPlatform}): a member sees her team's chapters to edit and the others
 * to consult; a team restores an older revision from the history after comparing two; an admin
 * creates a chapter, moves it with the keyboard and by drag and drop, and deletes it, and the
 * public report follows. axe-core checks every page on the way (WCAG 2.2 A and AA: 0 violations).
 *
 * <p>Shares the demo report with the other studio classes: it changes only {@code violences-policieres}
 * (its text) and {@code essai-studio} (created, then deleted), whose moves renumber
 * {@code donateurs-finances}; it only reads the others. Screenshots:
 * {@code system-tests/target/screenshots/studio-home.png}, {@code studio-structure.png}, {@code studio-history.png}, {@code studio-compare.png}, {@code studio-home-320.png}.
 */
@ExtendWith(StudioInABrowser.class)
class StudioHomeInABrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static DemoInABrowser demo;
    private static Http gateway;

    @BeforeAll
    static void aBrowser(DemoInABrowser browser, Http api) {
        demo = browser;
        gateway = api;
    }

    @Test
    void aMemberSeesHerTeamsChaptersToEditAndTheOthersOnlyToConsult() {
        WebDriver browser = demo.browser();

        // Given Amina (team enfants) signs in to the studio
        signIn("/studio", "enfants@example.org");

        // Then "Mes chapitres" holds Enfants, with a link to edit it and its history, and no chapter of defenseurs
        WebElement mine = browser.findElement(By.id("my-chapters"));
        WebElement enfants = mine.findElement(By.id("chapitre-enfants"));
        assertThat(enfants.getText()).contains("Enfants", "Publié", "révision", "Modifié le", "par ");
        assertThat(enfants.findElement(By.cssSelector("a[href='/studio/2024/chapitres/enfants']")).getText()).startsWith("Modifier");
        assertThat(enfants.findElements(By.cssSelector("a[href='/studio/2024/chapitres/enfants/historique']"))).hasSize(1);
        assertThat(mine.findElements(By.id("chapitre-defenseurs"))).isEmpty();
        assertThat(browser.findElement(By.id("other-chapters")).findElements(By.id("chapitre-defenseurs"))).hasSize(1);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Chiffres clés", "Données");
        assertThat(browser.findElements(By.cssSelector("a[href='/studio/2024/structure']"))).as("no structure for a member").isEmpty();
        assertThat(demo.accessibilityViolations()).as("axe-core on the home (member)").isEmpty();
        demo.screenshot("studio-home.png");

        // And at 320 px wide the page still passes
        browser.manage().window().setSize(new Dimension(320, 900));
        browser.navigate().refresh();
        assertThat(demo.accessibilityViolations()).as("axe-core on the home at 320 px").isEmpty();
        demo.screenshot("studio-home-320.png");
        assertThat(((Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth")).intValue())
                .as("no horizontal scrolling at 320 px").isLessThanOrEqualTo(320);
        browser.manage().window().setSize(new Dimension(1280, 1000));

        // When Inès (team defenseurs) signs in
        browser.manage().deleteAllCookies();
        signIn("/studio", "defenseurs@example.org");

        // Then Enfants is hers to consult only, and the structure is refused to her
        List<WebElement> toEnfants = browser.findElements(By.cssSelector("a[href='/studio/2024/chapitres/enfants']"));
        assertThat(toEnfants).isNotEmpty().allSatisfy(link -> assertThat(link.getText()).startsWith("Consulter"));
        assertThat(browser.findElement(By.id("my-chapters")).findElement(By.id("chapitre-defenseurs"))
                .findElement(By.cssSelector("a[href='/studio/2024/chapitres/defenseurs']")).getText()).startsWith("Modifier");
        browser.get(demo.url("/studio/2024/structure"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Accès réservé");
        assertThat(browser.findElements(By.id("structure-list"))).isEmpty();
        browser.get(demo.url("/studio/2024/chapitres/enfants/historique"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Historique de « Enfants »");
        assertThat(browser.findElements(By.partialLinkText("Restaurer"))).as("no restore on another team's chapter").isEmpty();
    }

    @Test
    void aTeamComparesTwoRevisionsAndRestoresTheFirstFromTheHistory() {
        WebDriver browser = demo.browser();
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        String chapter = "/api/editions/2024/chapters/violences-policieres";
        String original = JsonPath.read(gateway.get(chapter).body(), "$.body");
        String title = JsonPath.read(gateway.get(chapter).body(), "$.title");
        long nonce = System.nanoTime();
        String first = "Première phrase de l’équipe (" + nonce + ").";
        String second = "Seconde phrase de l’équipe (" + nonce + ").";

        // Given the team changed its chapter twice through the API
        demo.edit("violences-policieres", "demo-violences-policieres", original + "\n\n" + first + "\n");
        long firstRevision = revision(chapter);
        demo.edit("violences-policieres", "demo-violences-policieres", original + "\n\n" + second + "\n");
        long secondRevision = revision(chapter);

        // When Nadia opens the chapter's history in the studio
        signIn("/studio/2024/chapitres/violences-policieres/historique", "violences-policieres@example.org");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Historique de « " + title + " »");
        WebElement newest = browser.findElement(By.id("revision-" + secondRevision));
        assertThat(newest.getText()).contains("Nadia Haddad", "texte");
        assertThat(browser.findElement(By.id("revision-" + firstRevision)).getText()).contains("Nadia Haddad", "texte");
        assertThat(demo.accessibilityViolations()).as("axe-core on the history").isEmpty();
        demo.screenshot("studio-history.png");

        // And compares her two revisions
        browser.findElement(By.id("de-" + firstRevision)).click();
        browser.findElement(By.id("a-" + secondRevision)).click();
        browser.findElement(By.cssSelector("#compare-form button[type=submit]")).click();
        wait.until(ExpectedConditions.and(ExpectedConditions.urlContains("/historique/comparer?"),
                ExpectedConditions.urlContains("de=" + firstRevision), ExpectedConditions.urlContains("a=" + secondRevision)));

        // Then the difference shows the first sentence removed and the second added, marked in words too
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("De la révision " + firstRevision + " à la révision " + secondRevision + " de « " + title + " »");
        assertThat(browser.findElements(By.cssSelector(".diff li.removed del")).stream().map(WebElement::getText))
                .anySatisfy(text -> assertThat(text).contains(first));
        assertThat(browser.findElements(By.cssSelector(".diff li.added ins")).stream().map(WebElement::getText))
                .anySatisfy(text -> assertThat(text).contains(second));
        assertThat(demo.accessibilityViolations()).as("axe-core on the comparison").isEmpty();
        demo.screenshot("studio-compare.png");

        // When she restores the first revision, after the confirmation
        browser.findElement(By.linkText("Restaurer la révision " + firstRevision)).click();
        wait.until(ExpectedConditions.urlContains("/historique/" + firstRevision + "/restaurer"));
        assertThat(browser.findElement(By.tagName("h1")).getText())
                .isEqualTo("Restaurer la révision " + firstRevision + " de « " + title + " » ?");
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Le texte actuel restera dans l’historique.");
        assertThat(demo.accessibilityViolations()).as("axe-core on the restore confirmation").isEmpty();
        browser.findElement(By.cssSelector("form[action$='/restaurer'] button[type=submit]")).click();

        // Then the history says so, and the chapter and its public page have the first text again
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("history-status"),
                "La révision " + firstRevision + " a été restaurée"));
        assertThat(browser.findElement(By.id("revision-" + (secondRevision + 1))).getText()).contains("Nadia Haddad");
        assertThat((String) JsonPath.read(gateway.get(chapter).body(), "$.body")).contains(first).doesNotContain(second);
        await("the public page shows the restored text").atMost(WAIT)
                .until(() -> gateway.get("/2024/violences-policieres").body(), page -> page.contains(first) && !page.contains(second));
    }

    @Test
    void anAdminCreatesMovesWithTheKeyboardAndByDragAndDropThenDeletesAChapter() {
        WebDriver browser = demo.browser();
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);

        // Given Claire, an admin, on the studio's home: every chapter is hers to edit, and the structure is offered
        signIn("/studio", "admin@example.org");
        assertThat(browser.findElement(By.id("chapters-title")).getText()).isEqualTo("Tous les chapitres");
        assertThat(demo.accessibilityViolations()).as("axe-core on the home (admin)").isEmpty();
        browser.findElement(By.cssSelector("nav.studio-nav a[href='/studio/2024/structure']")).click();
        wait.until(ExpectedConditions.urlToBe(demo.url("/studio/2024/structure")));
        assertThat(demo.accessibilityViolations()).as("axe-core on the structure").isEmpty();
        int before = browser.findElements(By.cssSelector("#structure-list > li")).size();

        // When she creates the chapter essai-studio for team enfants, at the end
        browser.findElement(By.id("slug")).sendKeys("essai-studio");
        browser.findElement(By.id("title")).sendKeys("Essai du studio");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("ownerTeam"))).selectByValue("enfants");
        browser.findElement(By.cssSelector("#create-form button[type=submit]")).click();

        // Then it is the last chapter, and the public index lists it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("structure-status"), "Le chapitre « Essai du studio » a été créé"));
        int last = before + 1;
        assertThat(position("essai-studio")).isEqualTo(last);
        await("the public index lists the new chapter").atMost(WAIT).until(() -> gateway.get("/2024/").body(), page -> page.contains("Essai du studio"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
        demo.screenshot("studio-structure.png");

        // When she moves it up one place with the keyboard
        WebElement up = browser.findElement(By.cssSelector("#chapitre-essai-studio button[data-move='monter']"));
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].focus()", up);
        new Actions(browser).sendKeys(Keys.ENTER).perform();

        // Then it is one place higher, the page says so, and the focus is back on its "Monter" button
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("structure-status"),
                "« Essai du studio » est maintenant en position " + (last - 1) + "."));
        assertThat(position("essai-studio")).isEqualTo(last - 1);
        assertThat(position("donateurs-finances")).isEqualTo(last);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("data-move")).isEqualTo("monter");
        assertThat(focused.findElement(By.xpath("ancestor::li")).getAttribute("id")).isEqualTo("chapitre-essai-studio");
        assertThat(demo.accessibilityViolations()).as("axe-core after a move").isEmpty();

        // When she drags it back down below donateurs-finances by its handle (SortableJS)
        WebElement handle = browser.findElement(By.cssSelector("#chapitre-essai-studio .handle"));
        WebElement target = browser.findElement(By.cssSelector("#chapitre-donateurs-finances"));
        // W3C actions do not scroll: both rows (neighbours) in the middle of the window, whatever the page's length above them
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'})", target);
        new Actions(browser).clickAndHold(handle).moveByOffset(0, 10).moveToElement(target).moveByOffset(0, target.getSize().getHeight() / 3)
                .pause(Duration.ofMillis(300)).release().perform();

        // Then the page posted the same move: it is last again, said in the live region
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("structure-status"),
                "« Essai du studio » est maintenant en position " + last + "."));
        assertThat(position("essai-studio")).isEqualTo(last);
        assertThat((Integer) JsonPath.read(gateway.get("/api/editions/2024/chapters/essai-studio").body(), "$.position")).isEqualTo(last);

        // When she deletes it, after the confirmation
        browser.findElement(By.cssSelector("#chapitre-essai-studio a.danger")).click();
        wait.until(ExpectedConditions.urlToBe(demo.url("/studio/2024/structure/essai-studio/supprimer")));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Supprimer le chapitre « Essai du studio » ?");
        assertThat(demo.accessibilityViolations()).as("axe-core on the delete confirmation").isEmpty();
        browser.findElement(By.cssSelector("form[action$='/supprimer'] button[type=submit]")).click();

        // Then it leaves the structure and the public index
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("structure-status"), "a été supprimé du rapport"));
        assertThat(browser.findElements(By.id("chapitre-essai-studio"))).isEmpty();
        assertThat(gateway.get("/api/editions/2024/chapters/essai-studio").statusCode()).isEqualTo(404);
        await("the public index no longer lists it").atMost(WAIT).until(() -> gateway.get("/2024/").body(), page -> !page.contains("Essai du studio"));
    }

    private void signIn(String page, String email) {
        demo.signInAt(page, email);
    }

    private int position(String slug) {
        String text = demo.browser().findElement(By.cssSelector("#chapitre-" + slug + " .position")).getText();
        return Integer.parseInt(text.replace(".", "").strip());
    }

    private static long revision(String path) {
        HttpResponse<String> current = gateway.get(path);
        return Long.parseLong(current.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
    }
}
