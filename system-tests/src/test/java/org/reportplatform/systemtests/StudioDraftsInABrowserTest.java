package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Drafts in the studio as people use them, in Chromium on the shared studio platform (no review
 * required): a team member writes a draft and submits it for review with a word; the reviewer
 * finds it in « À relire », asks for changes with a comment, which the author then reads with the
 * draft; the reviewer approves the new version and the author publishes it, the public page
 * following. Another team schedules its draft at an hour the clocks skip in Geneva: the studio
 * refuses in French and offers the two readings, one click schedules it, the home's calendar
 * shows it; cancelled and discarded, the public page never changed. axe-core finds nothing.
 *
 * <p>Works on chapters {@code reponse-aux-crises} and {@code comite-contre-la-torture} only.
 * Screenshots for the docs: {@code studio-draft.png}, {@code studio-review.png},
 * {@code studio-calendar.png} in {@code system-tests/target/screenshots/}.
 */
@ExtendWith(StudioInABrowser.class)
class StudioDraftsInABrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final By EDITOR = By.id("body-editor");
    private static final By AUTOSAVED = By.id("autosave-status");
    private static final By NOTICE = By.cssSelector(".notice[role=status]");

    private static DemoInABrowser author;
    private static DemoInABrowser reviewer;
    private static Http gateway;

    @BeforeAll
    static void twoBrowsers(DemoInABrowser theAuthor, DemoInABrowser theReviewer, Http api) {
        author = theAuthor;
        reviewer = theReviewer;
        gateway = api;
    }

    @Test
    void aReviewerAsksForChangesTheAuthorReadsThemAndPublishesTheApprovedDraft() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String first = "Première version " + run + ".";
        String second = "Version revue " + run + ", source citée.";
        WebDriver browser = author.browser();
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);

        // Given the team writes a draft of its chapter (saved by itself) and submits it with a word
        open(author, "reponse-aux-crises@example.org", "/studio/2024/chapitres/reponse-aux-crises");
        typeAtEnd(browser, Keys.ENTER + "" + Keys.ENTER + first);
        wait.until(d -> d.findElement(AUTOSAVED).getText().startsWith("Brouillon enregistré à"));
        scrollTo(browser, "autosave-status");
        author.screenshot("studio-draft.png");
        browser.findElement(By.id("submit-message")).sendKeys("Pouvez-vous relire le nouveau paragraphe ?");
        browser.findElement(By.id("submit-review")).click();
        assertThat(answered(wait, "Soumis pour relecture")).startsWith("Soumis pour relecture");
        assertThat(browser.findElement(By.id("draft-state")).getText()).isEqualTo("Soumis pour relecture");
        assertThat(author.accessibilityViolations()).as("axe-core on a submitted draft").isEmpty();

        // When the reviewer opens the studio, the draft is in « À relire »; he asks for changes with a comment
        WebDriver jean = reviewer.browser();
        WebDriverWait jeanWaits = DemoInABrowser.waitOn(jean, WAIT);
        open(reviewer, "reviewer@example.org", "/studio");
        By toReview = By.cssSelector("#to-review a[href='/studio/2024/chapitres/reponse-aux-crises']");
        jeanWaits.until(ExpectedConditions.elementToBeClickable(toReview));
        assertThat(reviewer.accessibilityViolations()).as("axe-core on the reviewer's home").isEmpty();
        jean.findElement(toReview).click();
        jeanWaits.until(ExpectedConditions.visibilityOfElementLocated(By.id("relecture")));
        assertThat(jean.findElement(By.id("relecture")).getText()).contains("a soumis le brouillon pour relecture",
                "Pouvez-vous relire le nouveau paragraphe ?");
        assertThat(jean.findElement(By.cssSelector(".chapter-source")).getText()).contains(first);
        jean.findElement(By.id("request-changes")).click();
        jeanWaits.until(d -> d.findElement(By.id("form-errors")).getText().contains("écrivez un commentaire"));
        assertThat(jean.findElement(By.id("review-comment")).getAttribute("aria-invalid")).isEqualTo("true");
        jean.findElement(By.id("review-comment")).sendKeys("Citez la source du chiffre, s’il vous plaît.");
        jean.findElement(By.id("request-changes")).click();
        assertThat(answered(jeanWaits, "Modifications demandées")).startsWith("Modifications demandées");
        assertThat(reviewer.accessibilityViolations()).as("axe-core on the review").isEmpty();

        // Then the author sees the state and the comment with the draft
        browser.get(author.url("/studio/2024/chapitres/reponse-aux-crises"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(EDITOR));
        assertThat(browser.findElement(By.id("draft-state")).getText()).isEqualTo("Modifications demandées");
        assertThat(browser.findElement(By.cssSelector(".changes-requested")).getText()).contains("Jean Morel a demandé des modifications",
                "Citez la source du chiffre, s’il vous plaît.");
        assertThat(browser.findElement(By.id("relecture")).getText()).contains("Jean Morel a demandé des modifications",
                "Citez la source du chiffre, s’il vous plaît.");
        assertThat(author.accessibilityViolations()).as("axe-core on a draft with changes requested").isEmpty();
        author.screenshot("studio-review.png");

        // When she revises it and submits again, and the reviewer approves that version
        typeAtEnd(browser, Keys.BACK_SPACE.toString().repeat(first.length()) + second);
        wait.until(d -> d.findElement(By.id("body")).getDomProperty("value").contains(second));
        browser.findElement(By.id("submit-review")).click();
        assertThat(answered(wait, "Soumis pour relecture")).startsWith("Soumis pour relecture");
        jean.get(reviewer.url("/studio/2024/chapitres/reponse-aux-crises"));
        jeanWaits.until(ExpectedConditions.elementToBeClickable(By.id("approve"))).click();
        assertThat(answered(jeanWaits, "Brouillon approuvé")).startsWith("Brouillon approuvé");

        // Then she publishes and the public page shows the approved text (it showed neither version until then)
        assertThat(gateway.get("/2024/reponse-aux-crises").body()).doesNotContain(run);
        browser.get(author.url("/studio/2024/chapitres/reponse-aux-crises"));
        wait.until(ExpectedConditions.elementToBeClickable(By.id("publish"))).click();
        assertThat(answered(wait, "Publié : la page publique est à jour")).startsWith("Publié : la page publique est à jour");
        String chapter = gateway.get("/api/editions/2024/chapters/reponse-aux-crises").body();
        assertThat((String) JsonPath.read(chapter, "$.body")).contains(second).doesNotContain(first);
        await("the public page shows the published draft").atMost(WAIT)
                .until(() -> gateway.get("/2024/reponse-aux-crises").body().contains(run));
        assertThat(gateway.get("/2024/reponse-aux-crises").body()).doesNotContain(first);
    }

    @Test
    void aTimeTheClocksSkipIsRefusedWithBothReadingsOneClickSchedulesItAndTheCalendarShowsIt() {
        WebDriver browser = author.browser();
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        String before = gateway.get("/api/editions/2024/chapters/comite-contre-la-torture").body();

        // Given the team has a draft of its chapter
        open(author, "comite-contre-la-torture@example.org", "/studio/2024/chapitres/comite-contre-la-torture");
        String run = UUID.randomUUID().toString().substring(0, 8);
        typeAtEnd(browser, " Programmé " + run + ".");
        wait.until(d -> d.findElement(AUTOSAVED).getText().startsWith("Brouillon enregistré à"));

        // When she asks for 02:30 on the night the clocks go forward in Geneva (28 March 2027)
        choose(browser, "schedule-date", "2027-03-28");
        choose(browser, "schedule-time", "02:30");
        assertThat(browser.findElement(By.cssSelector("#schedule-zone option:checked")).getText()).isEqualTo("Genève (Europe/Zurich)");
        browser.findElement(By.xpath("//button[normalize-space()='Programmer la publication']")).click();

        // Then the studio says why in French and offers 01:30 and 03:30 as buttons
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("schedule-error")));
        assertThat(browser.findElement(By.id("schedule-error")).getText()).contains(
                "Cette heure n’existe pas à Genève le 28 mars 2027 (passage à l’heure d’été) : choisissez 01:30 ou 03:30.");
        assertThat(browser.findElement(By.id("schedule-date")).getAttribute("aria-invalid")).isEqualTo("true");
        assertThat(author.accessibilityViolations()).as("axe-core on the refused time").isEmpty();

        // When she chooses 03:30
        browser.findElement(By.xpath("//button[normalize-space()='Publier à 03:30']")).click();

        // Then the draft says when it will be published, and the home's calendar lists it
        assertThat(answered(wait, "Publication programmée le 28 mars 2027 à 03:30 (Genève). Voir la page publique")).isEqualTo("Publication programmée le 28 mars 2027 à 03:30 (Genève). Voir la page publique");
        assertThat(browser.findElement(By.id("draft-schedule")).getText()).startsWith("Programmé le 28 mars 2027 à 03:30 (Genève)");
        browser.get(author.url("/studio"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("calendar")));
        WebElement row = browser.findElement(By.xpath("//table[@id='calendar']//tr[.//a[@href='/studio/2024/chapitres/comite-contre-la-torture']]"));
        assertThat(row.getText()).contains("28 mars 2027 à 03:30 (Genève)", "Chapitre");
        assertThat(author.accessibilityViolations()).as("axe-core on the home with the calendar").isEmpty();
        author.screenshot("studio-calendar.png");

        // When she cancels the schedule and discards the draft (keyboard: the confirmation's button has the focus)
        browser.findElement(By.cssSelector("#calendar a[href='/studio/2024/chapitres/comite-contre-la-torture']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.id("unschedule"))).click();
        assertThat(answered(wait, "Programmation annulée")).startsWith("Programmation annulée");
        browser.findElement(By.linkText("Abandonner le brouillon…")).click();
        wait.until(d -> d.findElement(By.tagName("h1")).getText().startsWith("Abandonner le brouillon"));
        assertThat(author.accessibilityViolations()).as("axe-core on the discard confirmation").isEmpty();
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        // Then the chapter is as it was published, and nothing of the draft ever was
        assertThat(answered(wait, "Brouillon abandonné")).startsWith("Brouillon abandonné");
        assertThat(gateway.get("/api/editions/2024/chapters/comite-contre-la-torture").body()).isEqualTo(before);
        assertThat(gateway.get("/2024/comite-contre-la-torture").body()).doesNotContain(run);
    }

    /**
     * The message the action's answer shows: its confirmation once it starts with {@code expected},
     * or the error the page shows instead (so a failure says what the studio said).
     */
    private static String answered(WebDriverWait wait, String expected) {
        return wait.until(d -> {
            // an error on the page, or a refusal's page (problem.jte: its title in .narrow)
            for (WebElement shown : d.findElements(By.cssSelector(".notice[role=status], #form-errors, .error[role=alert], .narrow > h1"))) {
                String text = shown.getText();
                boolean failed = !"notice".equals(shown.getDomAttribute("class"));
                if (text.startsWith(expected) || failed) {
                    return text;
                }
            }
            return null;
        });
    }

    /** Scrolls an element to the middle of the window (for a screenshot that shows it). */
    private static void scrollTo(WebDriver browser, String id) {
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", browser.findElement(By.id(id)));
    }

    /** A date or time field set as its picker would (the typed form of a date input depends on the browser's locale). */
    private static void choose(WebDriver browser, String id, String value) {
        WebElement field = browser.findElement(By.id(id));
        ((JavascriptExecutor) browser).executeScript("arguments[0].value = arguments[1];"
                + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));", field, value);
    }

    private static void open(DemoInABrowser demo, String email, String path) {
        WebDriver browser = demo.browser();
        browser.get(demo.url(path));
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        demo.signInAs(email, DemoInABrowser.DEMO_PASSWORD);
        wait.until(d -> d.getCurrentUrl().endsWith(path));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.tagName("h1")));
    }

    private static void typeAtEnd(WebDriver browser, String keys) {
        WebElement editor = DemoInABrowser.waitOn(browser, WAIT).until(ExpectedConditions.visibilityOfElementLocated(EDITOR));
        editor.click();
        editor.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), keys);
    }
}
