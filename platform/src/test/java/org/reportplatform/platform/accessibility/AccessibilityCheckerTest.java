package org.reportplatform.platform.accessibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessibilityCheckerTest {

    private final AccessibilityChecker checker = new AccessibilityChecker();

    private List<AccessibilityRule> rules(String markdown) {
        return checker.check(markdown).stream().map(AccessibilityFinding::rule).toList();
    }

    @Test
    void aCleanChapterHasNoFinding() {
        String body = """
                ## Le contexte

                L'OMCT et l'ONU ont publié [le rapport du Comité contre la torture](https://example.org/cat).

                ### Les chiffres

                ![Des militantes devant le tribunal de Tunis](https://example.org/photo.jpg)

                | Année | Cas |
                | --- | --- |
                | 2024 | 12 |

                Le réseau SOS-Torture, le HCDH et l'UE.
                """;

        assertThat(checker.check(body)).isEmpty();
    }

    @Test
    void anImageWithoutAlternativeTextIsFoundWithItsLine() {
        List<AccessibilityFinding> findings = checker.check("Un paragraphe.\n\n![](https://example.org/photo.jpg)\n");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(AccessibilityRule.IMAGE_WITHOUT_ALT);
            assertThat(finding.line()).isEqualTo(3);
            assertThat(finding.excerpt()).isEqualTo("![](https://example.org/photo.jpg)");
            assertThat(finding.message()).contains("texte alternatif");
        });
    }

    @Test
    void anHtmlImageNeedsANonEmptyAlt() {
        assertThat(rules("<img src=\"https://example.org/a.jpg\">\n")).containsExactly(AccessibilityRule.IMAGE_WITHOUT_ALT);
        assertThat(rules("Voir <img src=\"https://example.org/a.jpg\" alt=\"\"> ici.\n")).containsExactly(AccessibilityRule.IMAGE_WITHOUT_ALT);
        assertThat(rules("<img src=\"https://example.org/a.jpg\" alt=\"Une carte\">\n")).isEmpty();
    }

    @Test
    void aHeadingThatSkipsALevelIsFound() {
        List<AccessibilityFinding> findings = checker.check("## Contexte\n\ntexte\n\n#### Détail\n");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(AccessibilityRule.SKIPPED_HEADING_LEVEL);
            assertThat(finding.line()).isEqualTo(5);
            assertThat(finding.excerpt()).isEqualTo("Détail");
            assertThat(finding.message()).contains("### Détail");
        });
    }

    @Test
    void theFirstHeadingStartsUnderTheChapterTitle() {
        assertThat(rules("### Trop bas\n")).containsExactly(AccessibilityRule.SKIPPED_HEADING_LEVEL);
        // "#" is shown at level 2 (the chapter title is the page's level 1), so "#" then "##" is no skip.
        assertThat(rules("# Premier\n\n## Second\n\n### Troisième\n\n## Retour\n")).isEmpty();
    }

    @Test
    void anEmptyHeadingIsFound() {
        assertThat(rules("## Contexte\n\n##\n\ntexte\n")).containsExactly(AccessibilityRule.EMPTY_HEADING);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ici", "Cliquez ici !", "lire la suite…", "click here", "Here", "aquí", "Leer más", "en savoir plus"})
    void aLinkTextThatSaysNothingIsFound(String text) {
        List<AccessibilityFinding> findings = checker.check("Le rapport est [" + text + "](https://example.org/r).\n");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(AccessibilityRule.VAGUE_LINK_TEXT);
            assertThat(finding.excerpt()).isEqualTo(text);
        });
    }

    @Test
    void aLinkThatNamesItsDestinationIsFine() {
        assertThat(rules("Lisez [ici le rapport annuel 2023](https://example.org/r) et [OMCT](https://omct.org).\n")).isEmpty();
    }

    @Test
    void aTableWithAnEmptyHeaderRowIsFound() {
        assertThat(rules("|   |   |\n| --- | --- |\n| 2024 | 12 |\n")).containsExactly(AccessibilityRule.TABLE_WITHOUT_HEADER);
        assertThat(rules("<table><tr><td>2024</td><td>12</td></tr></table>\n")).containsExactly(AccessibilityRule.TABLE_WITHOUT_HEADER);
        assertThat(rules("<table><tr><th>Année</th></tr><tr><td>2024</td></tr></table>\n")).isEmpty();
    }

    @Test
    void severalWordsInCapitalsAreFoundButAcronymsAreNot() {
        List<AccessibilityFinding> findings = checker.check("Un appel : LA TORTURE DOIT CESSER MAINTENANT, dit l'OMCT.\n");

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.rule()).isEqualTo(AccessibilityRule.ALL_CAPITALS);
            assertThat(finding.excerpt()).isEqualTo("LA TORTURE DOIT CESSER MAINTENANT,");
        });
        assertThat(rules("L'OMCT, l'ONU et SOS-Torture avec le HCDH.\n")).isEmpty();
        assertThat(rules("OMCT ET ONU\n")).isEmpty();
        assertThat(rules("Le code `NE PAS MODIFIER CETTE LIGNE` reste tel quel.\n")).isEmpty();
    }

    @Test
    void findingsComeInTheOrderOfTheText() {
        String body = "### Bas\n\n[ici](https://example.org)\n\n![](https://example.org/a.png)\n";

        assertThat(checker.check(body)).extracting(AccessibilityFinding::line).containsExactly(1, 3, 5);
    }
}
