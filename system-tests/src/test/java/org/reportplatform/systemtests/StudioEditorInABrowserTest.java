package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The chapter editor in Chromium, on the shared studio platform (no review required): a member of
 * {@code enfants} writes, the draft saves itself after a pause (« Brouillon enregistré à … »,
 * nothing public yet), the preview frame is the draft's, she publishes and the public page shows
 * the text; a member of another team sees the chapter without any edit control; a draft whose
 * chapter was published meanwhile gets the conflict screen on Publier, whose merge goes into the
 * draft (and asks where both changed the same paragraph), then publishes; two tabs on one draft
 * are told when the other saved and keep their text on demand; and one sees the other has the
 * chapter open. axe-core finds nothing on each state. A test on {@code femmes} starts with no draft
 * of it, whatever the one before left.
 *
 * <p>Works on chapters {@code enfants} and {@code femmes} only (other studio classes share the
 * platform). Screenshots: {@code studio-editor.png}, {@code studio-conflict.png},
 * {@code studio-editor-320.png} in {@code system-tests/target/screenshots/}.
 */
@ExtendWith(StudioInABrowser.class)
class StudioEditorInABrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final By EDITOR = By.id("body-editor");
    private static final By PUBLISH = By.id("publish");
    private static final By NOTICE = By.cssSelector(".notice[role=status]");
    private static final By AUTOSAVED = By.id("autosave-status");

    private static DemoInABrowser first;
    private static DemoInABrowser second;
    private static Http gateway;
    private static DraftApi drafts;

    @BeforeAll
    static void twoBrowsers(DemoInABrowser one, DemoInABrowser another, Http api) {
        first = one;
        second = another;
        gateway = api;
        drafts = new DraftApi(new RawHttp(StudioPlatform.get().gatewayUrl()));
    }

    @Test
    void aMemberWritesTheDraftSavesItselfShePublishesAndThePublicPageShowsIt() {
        WebDriver browser = first.browser();
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        String marker = "Paragraphe écrit dans le studio " + UUID.randomUUID() + ".";

        // Given Amina (team enfants) signs in to the studio and opens her chapter from its home
        browser.get(first.url("/studio"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        first.signInAs("enfants@example.org", DemoInABrowser.DEMO_PASSWORD);
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("main a[href='/studio/2024/chapitres/enfants']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(EDITOR));
        String title = browser.findElement(By.id("title")).getAttribute("value");
        assertThat(browser.findElement(By.cssSelector("label[for=title]")).getText()).isEqualTo("Titre");
        assertThat(browser.findElement(By.id("body-label")).getText()).isEqualTo("Texte");
        assertThat(browser.findElements(By.cssSelector(".editor-toolbar button"))).extracting(b -> b.getAttribute("aria-label"))
                .containsExactly("Gras", "Italique", "Titre", "Liste à puces", "Liste numérotée", "Lien", "Citation");
        assertThat(browser.findElement(By.id("draft-state")).getText()).isEqualTo("Publié");
        assertThat(first.accessibilityViolations()).as("axe-core on the editor").isEmpty();

        // When she types a paragraph at the end of the text and pauses
        typeAtEnd(browser, Keys.ENTER + "" + Keys.ENTER + marker);

        // Then the draft saves itself, the status line says when, and the preview becomes the draft's own
        wait.until(d -> d.findElement(AUTOSAVED).getText().matches("Brouillon enregistré à \\d\\d:\\d\\d"));
        assertThat(browser.findElement(AUTOSAVED).getAttribute("role")).isEqualTo("status");
        assertThat(browser.findElement(By.id("draft-state")).getText()).isEqualTo("Brouillon");
        wait.until(d -> d.findElement(By.id("draft-revision")).getDomProperty("value").matches("\\d+"));
        wait.until(d -> !d.findElements(By.id("preview-frame")).isEmpty());
        assertThat(browser.findElement(By.id("preview-frame")).getAttribute("src")).endsWith("/preview/2024/enfants?live");

        // And the preview frame, the page as publishing would render it, follows the draft
        wait.until(d -> frameText(d).contains(marker));
        assertThat(frameText(browser)).contains(title);
        first.screenshot("studio-editor.png");

        // And a figure that does not exist is signalled beside Texte, an empty title beside Titre
        typeAtEnd(browser, " {{fig:inconnu.studio}}");
        wait.until(d -> d.findElement(By.id("body-warnings")).getText().contains("{{fig:inconnu.studio}}"));
        WebElement titleField = browser.findElement(By.id("title"));
        titleField.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        wait.until(d -> d.findElement(By.id("title-warnings")).getText().contains("Le titre est vide"));
        wait.until(d -> d.findElement(AUTOSAVED).getText().startsWith("Brouillon non enregistré"));
        assertThat(titleField.getAttribute("aria-describedby")).contains("title-warnings");
        assertThat(browser.findElement(EDITOR).getAttribute("aria-describedby")).contains("body-warnings");
        assertThat(first.accessibilityViolations()).as("axe-core on the editor with warnings").isEmpty();
        titleField.sendKeys(title);
        typeAtEnd(browser, Keys.BACK_SPACE.toString().repeat(" {{fig:inconnu.studio}}".length()));
        wait.until(d -> d.findElement(By.id("body-warnings")).getText().isEmpty()
                && d.findElement(By.id("title-warnings")).getText().isEmpty());

        // And the picker finds a key figure by its label and inserts it at the cursor
        browser.findElement(By.id("picker-q")).sendKeys("défenseur");
        By figure = By.cssSelector("button[data-reference='{{fig:sos-defenders.cases}}']");
        wait.until(d -> !d.findElements(figure).isEmpty()
                && d.findElements(By.cssSelector("#picker-results button[data-reference*='finances']")).isEmpty());
        typeAtEnd(browser, " ");
        browser.findElement(figure).click();
        wait.until(d -> d.findElement(By.id("body")).getDomProperty("value").contains(marker + " {{fig:sos-defenders.cases}}"));
        assertThat(browser.findElement(By.id("picker-status")).getText()).contains("{{fig:sos-defenders.cases}}");
        wait.until(d -> d.findElement(AUTOSAVED).getText().startsWith("Brouillon enregistré à"));

        // And until she publishes, the public page is as it was (checked again after the publication below)
        assertThat(gateway.get("/2024/enfants").body()).doesNotContain(marker);

        // When she publishes
        browser.findElement(PUBLISH).click();

        // Then the studio confirms with the chapter's new revision and a link to the public page
        wait.until(ExpectedConditions.visibilityOfElementLocated(NOTICE));
        String notice = browser.findElement(NOTICE).getText();
        assertThat(notice).matches("(?s)Publié : la page publique est à jour \\(révision \\d+\\)\\..*");
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo("action-notice");
        long revision = Long.parseLong(notice.replaceAll("(?s)^.*\\(révision (\\d+)\\).*$", "$1"));
        String chapter = gateway.get("/api/editions/2024/chapters/enfants").body();
        assertThat(((Number) JsonPath.read(chapter, "$.revision")).longValue()).isEqualTo(revision);
        assertThat((String) JsonPath.read(chapter, "$.body")).contains(marker + " {{fig:sos-defenders.cases}}").doesNotContain("inconnu.studio");
        assertThat(browser.findElement(By.id("draft-state")).getText()).isEqualTo("Publié");
        assertThat(first.accessibilityViolations()).as("axe-core after publishing").isEmpty();

        // And the public page shows the new paragraph
        await("the public page shows the published text").atMost(WAIT)
                .until(() -> gateway.get("/2024/enfants").body().contains(marker.replace("’", "&rsquo;"))
                        || gateway.get("/2024/enfants").body().contains(marker));
        browser.findElement(By.cssSelector(".notice a")).click();
        wait.until(d -> d.findElement(By.tagName("main")).getText().contains(marker));

        // And at 320 px the editor still works without a violation
        browser.manage().window().setSize(new Dimension(320, 800));
        browser.get(first.url("/studio/2024/chapitres/enfants"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(EDITOR));
        assertThat(first.accessibilityViolations()).as("axe-core on the editor at 320 px").isEmpty();
        first.screenshot("studio-editor-320.png");
    }

    @Test
    void aMemberOfAnotherTeamReadsTheChapterWithoutAnyEditControl() {
        WebDriver browser = first.browser();

        open(first, "defenseurs@example.org", "/studio/2024/chapitres/enfants");
        DemoInABrowser.waitOn(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".read-only")));

        assertThat(browser.findElement(By.cssSelector(".read-only")).getText()).contains("l’équipe « enfants »");
        assertThat(browser.findElements(By.id("save-draft"))).isEmpty();
        assertThat(browser.findElements(PUBLISH)).isEmpty();
        assertThat(browser.findElements(By.cssSelector("main textarea, main input[type=text], main [contenteditable=true], main form[method=post]")))
                .isEmpty();
        assertThat(browser.findElement(By.cssSelector(".chapter-source")).getText()).isNotBlank();
        assertThat(browser.findElement(By.cssSelector("iframe[title='Aperçu de la page']")).isDisplayed()).isTrue();
        assertThat(first.accessibilityViolations()).as("axe-core on the editor, read-only").isEmpty();
    }

    @Test
    void aDraftWhoseChapterWasPublishedMeanwhileIsMergedOnPublishingKeepingBothChanges() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        drafts.discardIfOpen("femmes", "demo-femmes");
        write("femmes", "demo-femmes", "Un " + run + ".\\n\\nDeux " + run + ".\\n\\nTrois " + run + ".\\n\\nQuatre " + run + ".\\n");
        WebDriverWait wait = DemoInABrowser.waitOn(first.browser(), WAIT);

        // Given a member has chapter femmes open and changes paragraph 1 (the draft saves itself)
        open(first, "femmes@example.org", "/studio/2024/chapitres/femmes");
        typeAtEndOfLine(first.browser(), 0, " (premier)");
        wait.until(d -> d.findElement(AUTOSAVED).getText().startsWith("Brouillon enregistré à"));
        assertThat(first.browser().findElement(By.id("draft-state")).getText()).isEqualTo("Brouillon");

        // When paragraph 3 is published meanwhile, and she publishes
        write("femmes", "demo-femmes", "Un " + run + ".\\n\\nDeux " + run + ".\\n\\nTrois " + run + ". (second)\\n\\nQuatre " + run + ".\\n");
        first.browser().findElement(PUBLISH).click();

        // Then she gets the conflict screen, whose merge keeps both without asking; it goes into the draft
        wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("Le chapitre a été publié pendant que vous écriviez"));
        assertThat(first.browser().findElements(By.cssSelector("input[type=radio]"))).isEmpty();
        assertThat(first.browser().findElement(By.cssSelector(".merged")).getText()).contains("Un " + run + ". (premier)", "Trois " + run + ". (second)");
        assertThat(body("femmes")).doesNotContain("(premier)");
        assertThat(first.accessibilityViolations()).as("axe-core on the conflict screen").isEmpty();
        first.browser().findElement(By.xpath("//button[normalize-space()='Enregistrer la fusion dans le brouillon']")).click();
        wait.until(d -> d.findElement(NOTICE).getText().startsWith("Fusion enregistrée dans le brouillon."));
        first.browser().findElement(PUBLISH).click();
        wait.until(d -> d.findElement(NOTICE).getText().startsWith("Publié : la page publique est à jour"));
        assertThat(body("femmes")).isEqualTo("Un " + run + ". (premier)\n\nDeux " + run + ".\n\nTrois " + run + ". (second)\n\nQuatre " + run + ".\n");

        // When both change paragraph 2 (and she paragraph 4 too), the other version published first
        first.browser().get(first.url("/studio/2024/chapitres/femmes"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(EDITOR));
        typeAtEndOfLine(first.browser(), 2, " (version B)");
        typeAtEndOfLine(first.browser(), 6, " (fin B)");
        // (the draft exists once saved: its base is the revision published before version A; Publier sends the text as typed)
        wait.until(d -> d.findElement(By.id("body")).getDomProperty("value").contains("Deux " + run + ". (version B)\n")
                && d.findElement(By.id("body")).getDomProperty("value").contains("Quatre " + run + ". (fin B)"));
        wait.until(d -> d.findElement(By.id("draft-revision")).getDomProperty("value").matches("\\d+"));
        write("femmes", "demo-femmes", "Un " + run + ". (premier)\\n\\nDeux " + run + ". (version A)\\n\\nTrois " + run + ". (second)\\n\\nQuatre "
                + run + ".\\n");
        first.browser().findElement(PUBLISH).click();

        // Then she chooses for paragraph 2; paragraph 4 is merged on its own
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("choice-1")));
        assertThat(first.browser().findElements(By.cssSelector("fieldset.conflict-choice"))).hasSize(1);
        assertThat(first.browser().findElement(By.id("choice-1")).getText())
                .contains("Garder ma version", "Garder la version de", "Deux " + run + ". (version A)", "Deux " + run + ". (version B)");
        assertThat(first.accessibilityViolations()).as("axe-core on the conflict screen with a choice").isEmpty();
        first.screenshot("studio-conflict.png");
        first.browser().findElement(By.cssSelector("label[for=c1-mine]")).click();
        first.browser().findElement(By.xpath("//button[normalize-space()='Enregistrer la fusion dans le brouillon']")).click();
        wait.until(d -> d.findElement(NOTICE).getText().startsWith("Fusion enregistrée dans le brouillon."));
        first.browser().findElement(PUBLISH).click();
        wait.until(d -> d.findElement(NOTICE).getText().startsWith("Publié : la page publique est à jour"));
        assertThat(body("femmes")).isEqualTo("Un " + run + ". (premier)\n\nDeux " + run + ". (version B)\n\nTrois " + run
                + ". (second)\n\nQuatre " + run + ". (fin B)\n");
    }

    @Test
    void twoTabsOnOneDraftAreToldWhenTheOtherSavedAndKeepTheirTextOnDemand() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        drafts.discardIfOpen("femmes", "demo-femmes");
        write("femmes", "demo-femmes", "Premier " + run + ".\\n\\nSecond " + run + ".\\n");
        WebDriverWait waitFirst = DemoInABrowser.waitOn(first.browser(), WAIT);
        WebDriverWait waitSecond = DemoInABrowser.waitOn(second.browser(), WAIT);

        // Given the draft exists and is open in two browsers at the same revision
        open(first, "femmes@example.org", "/studio/2024/chapitres/femmes");
        typeAtEndOfLine(first.browser(), 0, " (un)");
        waitFirst.until(d -> d.findElement(AUTOSAVED).getText().startsWith("Brouillon enregistré à"));
        open(second, "femmes@example.org", "/studio/2024/chapitres/femmes");

        // When the first saves again, then the second types
        String opened = second.browser().findElement(By.id("draft-revision")).getDomProperty("value");
        typeAtEndOfLine(first.browser(), 2, " (deux)");
        waitFirst.until(d -> !d.findElement(By.id("draft-revision")).getDomProperty("value").equals(opened));
        typeAtEndOfLine(second.browser(), 0, " (trois)");

        // Then the second is told, its text kept, and the focus is on the choice
        waitSecond.until(ExpectedConditions.visibilityOfElementLocated(By.id("autosave-conflict")));
        assertThat(second.browser().findElement(By.id("autosave-conflict-message")).getText())
                .contains("a modifié ce brouillon", "Votre texte n’est pas enregistré");
        assertThat(second.browser().switchTo().activeElement().getAttribute("id")).isEqualTo("keep-mine");
        assertThat(second.accessibilityViolations()).as("axe-core with the autosave conflict").isEmpty();

        // When it keeps its text, it is saved over the other tab's, and published
        second.browser().findElement(By.id("keep-mine")).click();
        waitSecond.until(d -> d.findElement(AUTOSAVED).getText().startsWith("Brouillon enregistré à"));
        second.browser().findElement(PUBLISH).click();
        waitSecond.until(d -> d.findElement(NOTICE).getText().startsWith("Publié : la page publique est à jour"));
        assertThat(body("femmes")).isEqualTo("Premier " + run + ". (un) (trois)\n\nSecond " + run + ".\n");
    }

    @Test
    void whoElseHasTheChapterOpenIsShown() {
        // Given Amina has chapter enfants open
        open(first, "enfants@example.org", "/studio/2024/chapitres/enfants");

        // When Claire (admin) opens it too
        open(second, "admin@example.org", "/studio/2024/chapitres/enfants");

        // Then Claire's page says Amina is editing it
        DemoInABrowser.waitOn(second.browser(), WAIT).until(d -> d.findElement(By.id("presence")).getText()
                .contains("Amina Diallo est en train de modifier ce chapitre"));
        assertThat(second.browser().findElement(By.id("presence")).getAttribute("aria-live")).isEqualTo("polite");

        // And once Amina leaves the editor, her name goes at the next poll
        first.browser().get(first.url("/studio"));
        DemoInABrowser.waitOn(second.browser(), WAIT).until(d -> d.findElement(By.id("presence")).getText().isEmpty());
    }

    /** Opens a studio page, signing in on the sign-in form it leads to, and waits for the page. */
    private static void open(DemoInABrowser demo, String email, String path) {
        WebDriver browser = demo.browser();
        browser.get(demo.url(path));
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        demo.signInAs(email, DemoInABrowser.DEMO_PASSWORD);
        wait.until(d -> d.getCurrentUrl().endsWith(path));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("preview")));
    }

    private static void typeAtEnd(WebDriver browser, String keys) {
        WebElement editor = browser.findElement(EDITOR);
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), keys);
    }

    /**
     * Types at the end of a line of the text (0 = the first), moving there with the keyboard. The
     * editor (CodeMirror, contenteditable) reads a move of the cursor from the page's selection a
     * moment after the key: each move is awaited before the next key, as a person's eyes would.
     */
    private static void typeAtEndOfLine(WebDriver browser, int line, String keys) {
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        WebElement editor = wait.until(ExpectedConditions.visibilityOfElementLocated(EDITOR));
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.HOME));
        wait.until(d -> cursor(d).equals(List.of(0L, 0L)));
        for (int i = 1; i <= line; i++) {
            editor.sendKeys(Keys.ARROW_DOWN);
            long expected = i;
            wait.until(d -> cursor(d).get(0) == expected);
        }
        editor.sendKeys(Keys.END);
        wait.until(d -> cursor(d).equals(List.of((long) line, (long) lineText(d, line).length())));
        String before = lineText(browser, line);
        editor.sendKeys(keys);
        wait.until(d -> lineText(d, line).equals(before + keys));
    }

    /** The editor's cursor: line and column. */
    private static List<Long> cursor(WebDriver browser) {
        @SuppressWarnings("unchecked")
        List<Long> cursor = (List<Long>) ((JavascriptExecutor) browser).executeScript(
                "var c = document.querySelector('.CodeMirror').CodeMirror.getCursor(); return [c.line, c.ch];");
        return cursor;
    }

    private static String lineText(WebDriver browser, int line) {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "return document.querySelector('.CodeMirror').CodeMirror.getLine(arguments[0]);", line);
    }

    /** The text the preview frame shows. */
    private static String frameText(WebDriver browser) {
        try {
            browser.switchTo().frame(browser.findElement(By.cssSelector("#preview iframe")));
            return browser.findElement(By.tagName("body")).getText();
        } catch (RuntimeException notThereYet) {
            return "";
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    /** The team's edit through the API (a JSON body already escaped), from the revision read. */
    private static void write(String slug, String token, String escapedBody) {
        var current = gateway.get("/api/editions/2024/chapters/" + slug);
        String title = JsonPath.read(current.body(), "$.title");
        var edit = gateway.put("/api/editions/2024/chapters/" + slug, token, current.headers().firstValue("ETag").orElseThrow(),
                "{\"title\": \"" + title.replace("\"", "\\\"") + "\", \"body\": \"" + escapedBody + "\"}");
        assertThat(edit.statusCode()).as(edit.body()).isEqualTo(200);
    }

    private static String body(String slug) {
        return JsonPath.read(gateway.get("/api/editions/2024/chapters/" + slug).body(), "$.body");
    }
}
