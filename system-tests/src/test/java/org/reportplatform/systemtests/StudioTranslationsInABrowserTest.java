package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Editions and translations in the studio, in a real browser (headless Debian chromium) on the
 * demo platform ({@link StudioPlatform}): the team of {@code migrants} translates its chapter into
 * English and sees « À jour »; a French edit through the API makes it « À mettre à jour » with the
 * source's changes shown beside the form; the updated translation is « À jour » again and served
 * at {@code /2024/en/migrants}. An admin prepares the 2026 edition from 2024 (not public), then
 * publishes it after the confirmation (served). axe-core finds no violation on any page, at
 * 1280 px and at 320 px. The team of {@code partenaires-locaux} drafts its English translation,
 * sees the draft's preview in English, then publishes it.
 *
 * <p>Shares the demo report with the other studio classes: it changes only {@code migrants} (its
 * French text and its English translation) and the English translation of
 * {@code partenaires-locaux}, and creates edition {@code 2026}; it reads the
 * others. Screenshots in {@code system-tests/target/screenshots/studio-translation*.png},
 * {@code studio-translation-draft.png}, {@code studio-editions*.png}, {@code studio-closed-edition.png}, {@code studio-indicator-texts.png}.
 */
@ExtendWith(StudioInABrowser.class)
class StudioTranslationsInABrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String CHAPTER = "/api/editions/2024/chapters/migrants";

    private static DemoInABrowser demo;
    private static Http gateway;

    @BeforeAll
    static void aBrowser(DemoInABrowser browser, Http api) {
        demo = browser;
        gateway = api;
    }

    @Test
    void aTeamTranslatesItsChapterSeesItGoStaleOnAFrenchEditAndUpdatesIt() {
        WebDriver browser = demo.browser();
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        long nonce = System.nanoTime();
        String englishTitle = "Migrants (" + nonce + ")";

        // Given the team of migrants opens its chapter: the English translation is missing
        signIn("/studio/2024/chapitres/migrants", "migrants@example.org");
        WebElement english = browser.findElement(By.id("traduction-en"));
        assertThat(english.getText()).contains("Anglais", "Manquante", "Traduire en anglais");
        assertThat(browser.findElement(By.id("traduction-es")).getText()).contains("Espagnol");
        assertThat(demo.accessibilityViolations()).as("axe-core on the chapter with its translations").isEmpty();

        // When she translates it into English
        english.findElement(By.partialLinkText("Traduire en anglais")).click();
        wait.until(ExpectedConditions.urlContains("/studio/2024/chapitres/migrants/traductions/en"));
        assertThat(browser.findElement(By.cssSelector(".source-side")).getAttribute("lang")).isEqualTo("fr");
        assertThat(browser.findElement(By.id("title")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("body")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.findElement(By.id("translation-state")).getText()).isEqualTo("Manquante");
        assertThat(demo.accessibilityViolations()).as("axe-core on a missing translation").isEmpty();
        browser.findElement(By.id("title")).sendKeys(englishTitle);
        browser.findElement(By.id("body")).sendKeys("Migrants in detention were the subject of our work (" + nonce + ").");
        browser.findElement(By.id("publish")).click();

        // Then it is « À jour », on the chapter's page too, and the English page serves it
        wait.until(ExpectedConditions.textToBe(By.id("translation-state"), "À jour"));
        assertThat(browser.findElement(By.id("action-notice")).getText()).contains("Traduction publiée");
        demo.screenshot("studio-translation.png");
        await("the English page serves the translation").atMost(WAIT)
                .until(() -> gateway.get("/2024/en/migrants").body(), page -> page.contains(String.valueOf(nonce)));
        browser.get(demo.url("/studio/2024/chapitres/migrants"));
        assertThat(browser.findElement(By.id("traduction-en")).getText()).contains("À jour");

        // When the French text changes through the API
        String french = JsonPath.read(gateway.get(CHAPTER).body(), "$.body");
        String added = "Une phrase ajoutée au texte français (" + nonce + ").";
        demo.edit("migrants", "demo-migrants", french + "\n\n" + added + "\n");

        // Then the translation is « À mettre à jour », with the French changes shown above the form
        browser.get(demo.url("/studio/2024/chapitres/migrants"));
        WebElement stale = browser.findElement(By.id("traduction-en"));
        assertThat(stale.getText()).contains("À mettre à jour", "Mettre à jour la traduction");
        stale.findElement(By.partialLinkText("Mettre à jour la traduction")).click();
        wait.until(ExpectedConditions.textToBe(By.id("translation-state"), "À mettre à jour"));
        WebElement changes = browser.findElement(By.id("source-changes"));
        assertThat(changes.getText()).contains("Le texte français a changé depuis cette traduction");
        assertThat(changes.findElements(By.tagName("ins"))).anySatisfy(line -> assertThat(line.getText()).contains(added));
        assertThat(demo.accessibilityViolations()).as("axe-core on a stale translation").isEmpty();
        demo.screenshot("studio-translation-stale.png");

        // And at 320 px the editor still reads without scrolling sideways
        demo.checkAt320("the translation editor", "studio-translation-320.png");

        // When she updates the translation
        WebElement body = browser.findElement(By.id("body"));
        body.sendKeys("\n\nA sentence added to the French text (" + nonce + ").");
        browser.findElement(By.id("publish")).click();

        // Then it is « À jour » again, the changes gone, and the English page follows
        wait.until(ExpectedConditions.textToBe(By.id("translation-state"), "À jour"));
        assertThat(browser.findElements(By.id("source-changes"))).isEmpty();
        await("the English page serves the update").atMost(WAIT)
                .until(() -> gateway.get("/2024/en/migrants").body(), page -> page.contains("A sentence added to the French text (" + nonce + ")"));

        // And the translation's history lists both revisions
        browser.findElement(By.partialLinkText("Historique de la traduction")).click();
        wait.until(ExpectedConditions.urlContains("/traductions/en/historique"));
        assertThat(browser.findElements(By.cssSelector("table.history tbody tr"))).hasSizeGreaterThanOrEqualTo(2);
        assertThat(demo.accessibilityViolations()).as("axe-core on the translation's history").isEmpty();

        // And the edition's status table says so, with the counts per team
        browser.get(demo.url("/studio/2024/traductions"));
        WebElement line = browser.findElement(By.id("traductions-migrants"));
        assertThat(line.findElement(By.cssSelector("a[href='/studio/2024/chapitres/migrants/traductions/en']")).getText()).startsWith("Traduit");
        assertThat(browser.findElement(By.cssSelector("table.translation-teams")).getText()).contains("migrants");
        assertThat(demo.accessibilityViolations()).as("axe-core on the status table").isEmpty();
        demo.screenshot("studio-translations-status.png");
        demo.checkAt320("the status table", "studio-translations-status-320.png");
    }

    @Test
    void anAdminPreparesTheNextEditionFromTheCurrentOneAndPublishesIt() {
        WebDriver browser = demo.browser();
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);

        // Given Claire (admin) opens the editions page
        signIn("/studio/editions", "admin@example.org");
        assertThat(browser.findElement(By.id("edition-2024")).getText()).contains("Publiée", "français → anglais, espagnol");
        assertThat(browser.findElement(By.id("edition-2023")).getText()).contains("Close");
        assertThat(demo.accessibilityViolations()).as("axe-core on the editions page").isEmpty();
        demo.screenshot("studio-editions.png");

        // When she prepares 2026 from 2024
        WebElement year = browser.findElement(By.id("edition"));
        year.clear();
        year.sendKeys("2026");
        new Select(browser.findElement(By.id("from"))).selectByValue("2024");
        browser.findElement(By.id("prepare")).click();

        // Then 2026 is « En préparation », with 2024's chapters, and not public
        wait.until(ExpectedConditions.urlContains("fait=preparee"));
        assertThat(browser.findElement(By.id("editions-notice")).getText()).contains("L’édition 2026 est en préparation");
        assertThat(browser.findElement(By.id("edition-2026")).getText()).contains("En préparation", "préparée à partir de 2024");
        assertThat(gateway.get("/2026/").statusCode()).isEqualTo(404);
        browser.get(demo.url("/studio/2026"));
        assertThat(browser.findElement(By.id("edition-preparing")).getText()).contains("en préparation");
        assertThat(browser.findElement(By.id("chapitre-migrants")).getText()).isNotBlank();

        // When she publishes it, after the confirmation that says what publishing does
        browser.get(demo.url("/studio/editions"));
        browser.findElement(By.cssSelector("a[href='/studio/editions/2026/publier']")).click();
        wait.until(ExpectedConditions.urlContains("/studio/editions/2026/publier"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Publier l’édition 2026 ?", "devient publique");
        assertThat(demo.accessibilityViolations()).as("axe-core on the confirmation").isEmpty();
        demo.screenshot("studio-edition-publish.png");
        browser.findElement(By.id("confirm")).click();

        // Then it is « Publiée » and its report is served
        wait.until(ExpectedConditions.urlContains("fait=publiee"));
        assertThat(browser.findElement(By.id("edition-2026")).getText()).contains("Publiée");
        await("the 2026 report is served").atMost(Duration.ofSeconds(60)).until(() -> gateway.get("/2026/").statusCode() == 200);
        demo.checkAt320("the editions page", "studio-editions-320.png");
    }

    @Test
    void aClosedEditionIsReadOnlyWithAnErratumFormAndKeyFiguresAskForTheirWordsPerLanguage() {
        WebDriver browser = demo.browser();

        // Given the team of defenseurs opens its chapter of the closed 2023 edition: no editor, the erratum form
        signIn("/studio/2023/chapitres/defenseurs", "defenseurs@example.org");
        assertThat(browser.findElement(By.id("edition-closed")).getText()).isEqualTo("Édition close");
        assertThat(browser.findElements(By.id("chapter-form"))).isEmpty();
        assertThat(browser.findElement(By.id("erratum-form")).getText()).contains("Publier un erratum", "Ce qui a été corrigé");
        assertThat(demo.accessibilityViolations()).as("axe-core on a closed edition's chapter").isEmpty();
        demo.screenshot("studio-closed-edition.png");

        // And a key figure of 2024 asks for its English and Spanish words
        browser.get(demo.url("/studio/2024"));
        String figure = browser.findElement(By.cssSelector("#my-indicators a[href^='/studio/2024/chiffres/']")).getAttribute("href");
        browser.get(figure);
        assertThat(browser.findElement(By.cssSelector("label[for='texts-en-label']")).getText()).isEqualTo("Libellé (anglais)");
        assertThat(browser.findElement(By.cssSelector("label[for='texts-es-label']")).getText()).isEqualTo("Libellé (espagnol)");
        assertThat(browser.findElement(By.id("texts-en-label")).getAttribute("lang")).isEqualTo("en");
        assertThat(demo.accessibilityViolations()).as("axe-core on the indicator editor with its texts").isEmpty();
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", browser.findElement(By.id("textes-en")));
        demo.screenshot("studio-indicator-texts.png");
    }

    @Test
    void aTeamDraftsItsEnglishTranslationSeesItsPreviewThenPublishesIt() {
        WebDriver browser = demo.browser();
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        long nonce = System.nanoTime();
        String words = "Our local partners document torture cases (" + nonce + ").";

        // Given the team of partenaires-locaux opens the English translation of its chapter
        signIn("/studio/2024/chapitres/partenaires-locaux/traductions/en", "partenaires-locaux@example.org");
        assertThat(browser.findElement(By.id("title")).getAttribute("lang")).isEqualTo("en");
        assertThat(demo.accessibilityViolations()).as("axe-core on the translation editor without a draft").isEmpty();

        // When she writes her translation and saves the draft
        WebElement title = browser.findElement(By.id("title"));
        title.clear();
        title.sendKeys("Local partners (" + nonce + ")");
        WebElement body = browser.findElement(By.id("body"));
        body.clear();
        body.sendKeys(words);
        browser.findElement(By.id("save-draft")).click();

        // Then a draft is open, the public English page does not show it, and the preview frame shows the page in English with it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("draft-state"), "Brouillon en cours"));
        assertThat(gateway.get("/2024/en/partenaires-locaux").body()).doesNotContain(String.valueOf(nonce));
        WebElement frame = browser.findElement(By.id("preview-frame"));
        assertThat(frame.getAttribute("src")).endsWith("/preview/2024/en/partenaires-locaux?live");
        browser.switchTo().frame(frame);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), words));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        browser.switchTo().defaultContent();
        assertThat(demo.accessibilityViolations()).as("axe-core on the translation editor with its draft and preview").isEmpty();
        demo.screenshot("studio-translation-draft.png");

        // and the status table says a draft is open
        browser.get(demo.url("/studio/2024/traductions"));
        assertThat(browser.findElement(By.id("traductions-partenaires-locaux")).getText()).contains("Brouillon en cours");

        // When she publishes it
        browser.get(demo.url("/studio/2024/chapitres/partenaires-locaux/traductions/en"));
        browser.findElement(By.id("publish")).click();

        // Then the translation is published, no draft is left, and the public English page shows it
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("action-notice"), "Traduction publiée"));
        assertThat(browser.findElements(By.id("draft-state"))).isEmpty();
        assertThat(demo.accessibilityViolations()).as("axe-core on the translation editor once published").isEmpty();
        await("the English page serves the published translation").atMost(WAIT)
                .until(() -> gateway.get("/2024/en/partenaires-locaux").body(), page -> page.contains(words));
    }

    private void signIn(String page, String email) {
        demo.signInAt(page, email);
    }
}
