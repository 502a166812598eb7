package org.reportplatform.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The studio's key figures and datasets, in a real browser on the demo platform (shared by the
 * studio's browser tests, {@link StudioPlatform}): a member of {@code defenseurs} edits a figure,
 * sees the type's check as they type, saves, and the public key figures page follows; imports a
 * CSV file whose bad rows are listed with their reasons and change nothing, then a good file,
 * previewed and imported; a member of {@code donateurs-finances} edits a finance table (a cell, a
 * new row, a refused cell) and replaces another's rows with a CSV file (checked first), and the
 * finance page follows; people of other teams see the values without a control; the chapter
 * editor's picker finds figures and charts. axe-core on every page state: 0 violations.
 *
 * <p>Works only on figures of its own among the shared demo's: {@code sos-defenders.*} (owned by
 * {@code defenseurs}), {@code network.new-members} (owned by {@code renforcement-reseau}, never
 * changed here) and the datasets {@code finances-depenses} and {@code finances-revenus}; it reads every revision it expects.
 * Screenshots: {@code system-tests/target/screenshots/studio-figure.png}, {@code studio-import-preview.png},
 * {@code studio-dataset.png}.
 */
@ExtendWith(StudioInABrowser.class)
class StudioFiguresInABrowserTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final char NNBSP = '\u202F';

    private static DemoInABrowser demo;
    private static Http gateway;

    @BeforeAll
    static void aBrowser(DemoInABrowser browser, Http api) {
        demo = browser;
        gateway = api;
    }

    @Test
    void aTeamMemberEditsAFigureSeesTheCheckAsTheyTypeSavesAndThePublicPageFollows() {
        WebDriver browser = signIn("defenseurs@example.org");
        Figure before = figure("sos-defenders.cases");
        long wanted = Long.parseLong(before.value()) + 7;

        browser.get(demo.url("/studio/2024/chiffres/sos-defenders.cases"));
        WebElement value = browser.findElement(By.id("value"));
        assertThat(value.getDomProperty("value")).isEqualTo(before.value());
        assertThat(demo.accessibilityViolations()).as("the editor").isEmpty();

        // As the person types a word in an integer figure, the check says what to write, beside the field.
        value.clear();
        value.sendKeys("beaucoup");
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("value-error"), "nombre entier"));
        assertThat(browser.findElement(By.id("value-error")).getText())
                .isEqualToNormalizingWhitespace("Erreur : Saisissez un nombre entier, sans espace ni virgule (par exemple 4445).");
        wait.until(ExpectedConditions.attributeToBe(By.id("value"), "aria-invalid", "true"));
        assertThat(value.getDomAttribute("aria-describedby")).contains("value-error");
        assertThat(browser.findElement(By.id("value-error")).getDomAttribute("aria-live")).isEqualTo("polite");
        assertThat(demo.accessibilityViolations()).as("the editor with an error").isEmpty();
        demo.screenshot("studio-figure.png");

        // Corrected, the message goes away (the check was a dry run: nothing saved yet).
        value.clear();
        value.sendKeys(String.valueOf(wanted));
        wait.until(driver -> driver.findElement(By.id("value-error")).getText().isEmpty());
        wait.until(driver -> driver.findElement(By.id("value")).getDomAttribute("aria-invalid") == null);
        assertThat(figure("sos-defenders.cases").revision()).as("the checks wrote nothing").isEqualTo(before.revision());

        browser.findElement(By.cssSelector("form.figures-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice[role=status]"), "Chiffre enregistré"));
        Figure after = figure("sos-defenders.cases");
        assertThat(after.value()).isEqualTo(String.valueOf(wanted));
        assertThat(after.revision()).as("one save, one revision: the checks as the person typed wrote nothing")
                .isEqualTo(before.revision() + 1);
        assertThat(after.updatedByName()).isEqualTo("Inès Benali");
        String printed = french(wanted);
        await("the key figures page shows the new value").atMost(WAIT)
                .until(() -> gateway.get("/2024/chiffres-cles").body().contains(printed));

        // At 320 px wide the editor still fits, without a horizontal scroll.
        narrow(browser, 320);
        try {
            browser.get(demo.url("/studio/2024/chiffres/sos-defenders.cases"));
            Number width = (Number) ((JavascriptExecutor) browser).executeScript("return document.documentElement.scrollWidth");
            assertThat(width.intValue()).as("page width at 320 px").isLessThanOrEqualTo(320);
            assertThat(demo.accessibilityViolations()).as("the editor at 320 px").isEmpty();
        } finally {
            ((ChromeDriver) browser).executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }

        // Someone saves meanwhile: the person sees both values and keeps theirs.
        browser.get(demo.url("/studio/2024/chiffres/sos-defenders.cases"));
        browser.findElement(By.id("value")).clear();
        browser.findElement(By.id("value")).sendKeys(String.valueOf(wanted + 1));
        HttpResponse<String> current = gateway.get("/api/editions/2024/indicators/sos-defenders.cases");
        HttpResponse<String> meanwhile = gateway.put("/api/editions/2024/indicators/sos-defenders.cases", "demo-defenseurs",
                current.headers().firstValue("ETag").orElseThrow(), """
                        {"label": "%s", "type": "integer", "value": %d, "unit": "%s", "period": "%s", "source": "%s"}"""
                        .formatted(JsonPath.read(current.body(), "$.label"), wanted + 2, JsonPath.read(current.body(), "$.unit"),
                                JsonPath.read(current.body(), "$.period"), JsonPath.read(current.body(), "$.source")));
        assertThat(meanwhile.statusCode()).as(meanwhile.body()).isEqualTo(200);
        browser.findElement(By.cssSelector("form.figures-form button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".figures-conflict table")));
        assertThat(tableRows(browser, ".figures-conflict table")).containsExactly("Valeur | " + (wanted + 2) + " | " + (wanted + 1));
        assertThat(browser.findElement(By.id("value")).getDomProperty("value")).isEqualTo(String.valueOf(wanted + 1));
        assertThat(demo.accessibilityViolations()).as("the conflict screen").isEmpty();
        assertThat(figure("sos-defenders.cases").value()).as("nothing overwritten").isEqualTo(String.valueOf(wanted + 2));
        browser.findElement(By.cssSelector("form.figures-form button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice[role=status]"), "Chiffre enregistré"));
        assertThat(figure("sos-defenders.cases").value()).as("the person's version, chosen").isEqualTo(String.valueOf(wanted + 1));
        wanted = wanted + 1;

        // Someone of another team sees the value and no control.
        browser = signIn("enfants@example.org");
        browser.get(demo.url("/studio/2024/chiffres/sos-defenders.cases"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("vous pouvez le consulter, pas le modifier")
                .contains(french(wanted));
        assertThat(browser.findElements(By.cssSelector("main form, main input, main button"))).isEmpty();
    }

    @Test
    void aCsvImportWithBadRowsShowsThemAndChangesNothingThenAGoodFileIsPreviewedAndImported() throws Exception {
        WebDriver browser = signIn("defenseurs@example.org");
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        Figure countries = figure("sos-defenders.countries");
        Figure released = figure("sos-defenders.released");
        Figure network = figure("network.new-members");
        long newCountries = Long.parseLong(countries.value()) + 1;
        long newReleased = Long.parseLong(released.value()) + 2;

        browser.get(demo.url("/studio/2024/chiffres/import"));
        assertThat(demo.accessibilityViolations()).as("the import form").isEmpty();
        browser.findElement(By.id("csv")).sendKeys("id,value\n"
                + "sos-defenders.countries," + newCountries + "\n"
                + "sos-defenders.released,beaucoup\n"
                + "network.new-members," + network.value() + "\n");
        browser.findElement(By.cssSelector("form.figures-upload button[type=submit]")).click();

        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.figures-problems")));
        List<String> problems = tableRows(browser, "table.figures-problems");
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("3 | ").contains("Défenseur.e.s détenu.e.s libéré.e.s", "valeur",
                "Saisissez un nombre entier, sans espace ni virgule");
        assertThat(problems.get(1)).startsWith("4 | ").contains("Nouveaux membres du réseau SOS-Torture",
                "appartient à l’équipe « renforcement-reseau »");
        assertThat(browser.findElement(By.cssSelector(".figures-refused [role=alert]")).getText())
                .contains("aucun chiffre ne peut être importé");
        assertThat(browser.findElements(By.cssSelector("form.figures-apply"))).as("no Importer button").isEmpty();
        assertThat(demo.accessibilityViolations()).as("the preview with bad rows").isEmpty();
        assertThat(figure("sos-defenders.countries")).as("nothing changed").isEqualTo(countries);

        // A good file, chosen as a file this time: previewed, then imported.
        Path file = Files.createTempFile("chiffres-", ".csv");
        Files.writeString(file, "id;value\nsos-defenders.countries;" + newCountries + "\nsos-defenders.released;" + newReleased + "\n",
                StandardCharsets.UTF_8);
        browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("form.figures-upload button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.figures-changes")));
        assertThat(tableRows(browser, "table.figures-changes")).containsExactly(
                "2 | Pays couverts par les cas documentés | valeur | " + countries.value() + " | " + newCountries,
                "3 | Défenseur.e.s détenu.e.s libéré.e.s | valeur | " + released.value() + " | " + newReleased);
        assertThat(demo.accessibilityViolations()).as("the preview of a good file").isEmpty();
        demo.screenshot("studio-import-preview.png");
        assertThat(figure("sos-defenders.countries")).as("a preview changes nothing").isEqualTo(countries);

        browser.findElement(By.cssSelector("form.figures-apply button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice[role=status]"), "2 chiffres mis à jour."));
        assertThat(demo.accessibilityViolations()).as("the import done").isEmpty();
        Figure countriesAfter = figure("sos-defenders.countries");
        assertThat(countriesAfter.value()).isEqualTo(String.valueOf(newCountries));
        // Checked against a later event: the good import is the next revision, so the refused file wrote none.
        assertThat(countriesAfter.revision()).isEqualTo(countries.revision() + 1);
        assertThat(figure("sos-defenders.released")).extracting(Figure::value, Figure::revision)
                .containsExactly(String.valueOf(newReleased), released.revision() + 1);
        assertThat(figure("network.new-members")).as("another team's figure, untouched").isEqualTo(network);
        // The done page names the figures imported as people know them: by their labels.
        assertThat(browser.findElements(By.cssSelector("ul.figures-list a"))).extracting(WebElement::getText)
                .containsExactly(label("sos-defenders.countries"), label("sos-defenders.released"));
    }

    @Test
    void aFinanceTableIsEditedAsATableAndTheFinancePageFollows() {
        WebDriver browser = signIn("donateurs-finances@example.org");
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        HttpResponse<String> before = gateway.get("/api/editions/2024/datasets/finances-depenses");
        List<List<String>> rows = JsonPath.read(before.body(), "$.rows");
        long revision = ((Number) JsonPath.read(before.body(), "$.revision")).longValue();
        long newAmount = Long.parseLong(rows.get(0).get(1)) + 12_345;
        String newLabel = "Formation des équipes " + System.nanoTime() % 10_000;

        browser.get(demo.url("/studio/2024/donnees/finances-depenses"));
        assertThat(demo.accessibilityViolations()).as("the dataset editor").isEmpty();
        WebElement firstAmount = browser.findElement(By.id("cell-0-1"));
        assertThat(firstAmount.getDomAttribute("aria-label")).isEqualTo("Ligne 1, colonne Montant");
        firstAmount.clear();
        firstAmount.sendKeys(String.valueOf(newAmount));

        // A new row (added in place by the page's script), with a word where a number goes.
        browser.findElement(By.cssSelector("button.figures-add")).click();
        List<WebElement> lines = browser.findElements(By.cssSelector("#dataset-rows tr"));
        assertThat(lines).hasSize(rows.size() + 1);
        List<WebElement> cells = lines.get(rows.size()).findElements(By.tagName("input"));
        assertThat(cells.get(1).getDomAttribute("aria-label")).isEqualTo("Ligne " + (rows.size() + 1) + ", colonne Montant");
        cells.get(0).sendKeys(newLabel);
        cells.get(1).sendKeys("beaucoup");
        browser.findElements(By.cssSelector("form.figures-dataset button[value=save]")).get(1).click();

        String badCell = "cell-" + rows.size() + "-1";
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id(badCell + "-error")));
        assertThat(browser.findElement(By.id(badCell + "-error")).getText())
                .isEqualToNormalizingWhitespace("Erreur : Saisissez un nombre avec des chiffres et un point pour les décimales, sans espace (par exemple 1900000 ou 12.5).");
        WebElement bad = browser.findElement(By.id(badCell));
        assertThat(bad.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(bad.getDomAttribute("aria-describedby")).isEqualTo(badCell + "-error");
        assertThat(bad.getDomProperty("value")).isEqualTo("beaucoup");
        assertThat(browser.findElement(By.id("cell-0-1")).getDomProperty("value")).as("the person's other changes kept")
                .isEqualTo(String.valueOf(newAmount));
        assertThat(browser.findElement(By.id("form-errors")).getText()).contains("une valeur est à corriger");
        assertThat(demo.accessibilityViolations()).as("the dataset editor with an error").isEmpty();
        assertThat(((Number) JsonPath.read(gateway.get("/api/editions/2024/datasets/finances-depenses").body(), "$.revision")).longValue())
                .as("nothing saved").isEqualTo(revision);

        bad.clear();
        bad.sendKeys("150000");
        browser.findElements(By.cssSelector("form.figures-dataset button[value=save]")).get(1).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice[role=status]"), "Tableau enregistré"));
        demo.screenshot("studio-dataset.png");
        String saved = gateway.get("/api/editions/2024/datasets/finances-depenses").body();
        assertThat(((Number) JsonPath.read(saved, "$.revision")).longValue()).isEqualTo(revision + 1);
        List<List<String>> savedRows = JsonPath.read(saved, "$.rows");
        assertThat(savedRows).hasSize(rows.size() + 1);
        assertThat(savedRows.get(0)).containsExactly(rows.get(0).get(0), String.valueOf(newAmount));
        assertThat(savedRows.get(rows.size())).containsExactly(newLabel, "150000");
        await("the finance page shows the table").atMost(WAIT).until(() -> {
            String page = gateway.get("/2024/finances").body();
            return page.contains(newLabel) && page.contains(french(newAmount));
        });

        // Deleting the row again, with the row's own button.
        browser.findElement(By.cssSelector("#dataset-rows tr:last-child button.figures-delete")).click();
        assertThat(browser.findElements(By.cssSelector("#dataset-rows tr"))).hasSize(rows.size());
        browser.findElements(By.cssSelector("form.figures-dataset button[value=save]")).get(1).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice[role=status]"), "Tableau enregistré"));
        assertThat((List<?>) JsonPath.read(gateway.get("/api/editions/2024/datasets/finances-depenses").body(), "$.rows"))
                .hasSize(rows.size());
    }

    @Test
    void aFinanceTablesRowsAreReplacedByACsvFileCheckedFirst() {
        WebDriver browser = signIn("donateurs-finances@example.org");
        WebDriverWait wait = DemoInABrowser.waitOn(browser, WAIT);
        String before = gateway.get("/api/editions/2024/datasets/finances-revenus").body();
        long revision = ((Number) JsonPath.read(before, "$.revision")).longValue();
        long governments = 3_200_000L + System.nanoTime() % 1_000;

        browser.get(demo.url("/studio/2024/donnees/finances-revenus"));
        browser.findElement(By.linkText("Remplacer les lignes par un fichier CSV")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("csv")));
        assertThat(demo.accessibilityViolations()).as("the dataset's file form").isEmpty();
        browser.findElement(By.id("csv")).sendKeys("Source,Montant\nGouvernements," + governments + "\nDons individuels,beaucoup\n");
        browser.findElement(By.cssSelector("form.figures-upload button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("table.figures-problems")));
        assertThat(tableRows(browser, "table.figures-problems")).containsExactly(
                "3 | Montant | Saisissez un nombre avec des chiffres et un point pour les décimales, sans espace (par exemple 1900000 ou 12.5).");
        assertThat(browser.findElements(By.cssSelector("form.figures-apply"))).as("nothing to replace with").isEmpty();
        assertThat(demo.accessibilityViolations()).as("the dataset's file refused").isEmpty();
        assertThat(browser.findElement(By.id("csv")).getDomProperty("value")).as("the text checked, back to be corrected")
                .isEqualTo("Source,Montant\nGouvernements," + governments + "\nDons individuels,beaucoup\n");

        // Columns in another order, separated by semicolons as a French spreadsheet writes them.
        browser.findElement(By.id("csv")).clear();
        browser.findElement(By.id("csv")).sendKeys("Montant;Source\n" + governments + ";Gouvernements\n1400000;Fondations privées\n");
        browser.findElement(By.cssSelector("form.figures-upload button[type=submit]")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("form.figures-apply")));
        assertThat(tableRows(browser, ".figures-preview table"))
                .containsExactly("Gouvernements | " + governments, "Fondations privées | 1400000");
        assertThat(demo.accessibilityViolations()).as("the dataset's file previewed").isEmpty();
        assertThat(((Number) JsonPath.read(gateway.get("/api/editions/2024/datasets/finances-revenus").body(), "$.revision")).longValue())
                .as("a preview changes nothing").isEqualTo(revision);

        browser.findElement(By.cssSelector("form.figures-apply button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("p.notice[role=status]"), "Lignes remplacées"));
        String after = gateway.get("/api/editions/2024/datasets/finances-revenus").body();
        assertThat(((Number) JsonPath.read(after, "$.revision")).longValue()).isEqualTo(revision + 1);
        assertThat((List<?>) JsonPath.read(after, "$.rows"))
                .isEqualTo(List.of(List.of("Gouvernements", String.valueOf(governments)), List.of("Fondations privées", "1400000")));
        String printed = french(governments);
        await("the finance page shows the new rows").atMost(WAIT).until(() -> gateway.get("/2024/finances").body().contains(printed));

        // Someone of another team sees the table and no control.
        browser = signIn("enfants@example.org");
        browser.get(demo.url("/studio/2024/donnees/finances-revenus"));
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("vous pouvez le consulter, pas le modifier");
        assertThat(browser.findElements(By.cssSelector("main form, main input, main button"))).isEmpty();
    }

    @Test
    void thePickerListsMatchingFiguresAndChartsIgnoringCaseAndAccents() {
        WebDriver browser = signIn("enfants@example.org");
        browser.get(demo.url("/studio/2024/chiffres/choix?q=DEFENSEUR%20detenu"));
        List<WebElement> buttons = browser.findElements(By.cssSelector("button.insert-reference"));
        assertThat(buttons).extracting(b -> b.getDomAttribute("data-reference"))
                .containsExactlyInAnyOrder("{{fig:sos-defenders.cases}}", "{{fig:sos-defenders.released}}");
        browser.get(demo.url("/studio/2024/chiffres/choix?q=d%C3%A9penses"));
        assertThat(browser.findElements(By.cssSelector("button.insert-reference")))
                .extracting(b -> b.getDomAttribute("data-reference")).containsExactly("{{chart:finances-depenses}}");
    }

    /** The body rows of a table, each as its cells' texts joined by " | ". */
    private static List<String> tableRows(WebDriver browser, String table) {
        return browser.findElements(By.cssSelector(table + " tbody tr")).stream()
                .map(row -> String.join(" | ", row.findElements(By.cssSelector("th, td")).stream().map(WebElement::getText).toList()))
                .toList();
    }

    /** An indicator as the API says now. */
    private record Figure(String value, long revision, String updatedByName) {
    }

    private static Figure figure(String id) {
        HttpResponse<String> answer = gateway.get("/api/editions/2024/indicators/" + id);
        assertThat(answer.statusCode()).isEqualTo(200);
        Object value = JsonPath.read(answer.body(), "$.value");
        return new Figure(String.valueOf(value), ((Number) JsonPath.read(answer.body(), "$.revision")).longValue(),
                JsonPath.read(answer.body(), "$.updatedByName"));
    }

    private static String label(String id) {
        HttpResponse<String> answer = gateway.get("/api/editions/2024/indicators/" + id);
        assertThat(answer.statusCode()).isEqualTo(200);
        return JsonPath.read(answer.body(), "$.label");
    }

    /** A whole number as the report prints it in French (4 452, with a narrow no-break space). */
    private static String french(long number) {
        StringBuilder digits = new StringBuilder(Long.toString(number));
        for (int i = digits.length() - 3; i > 0; i -= 3) {
            digits.insert(i, NNBSP);
        }
        return digits.toString();
    }

    private static WebDriver signIn(String email) {
        WebDriver browser = demo.browser();
        browser.manage().deleteAllCookies();
        browser.get(demo.url("/signin"));
        demo.signInAs(email, DemoInABrowser.DEMO_PASSWORD);
        DemoInABrowser.waitOn(browser, WAIT).until(driver -> !driver.getCurrentUrl().contains("/signin"));
        return browser;
    }

    private static void narrow(WebDriver browser, int width) {
        ((ChromeDriver) browser).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", 900, "deviceScaleFactor", 1, "mobile", true));
    }
}
