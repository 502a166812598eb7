package org.reportplatform.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ReportIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"2024", "0001", "9999"})
    void anEditionIsAYearOfFourDigits(String edition) {
        assertThat(ReportIds.isEdition(edition)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "24", "20245", "t1", "2024/", " 2024", "2024\n", "２０２４", "../2"})
    void anythingElseIsNoEdition(String edition) {
        assertThat(ReportIds.isEdition(edition)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "defenseurs", "quete-de-justice", "2024-bilan", "chiffres-cles"})
    void aSlugIsLowercaseWordsJoinedBySingleHyphens(String slug) {
        assertThat(ReportIds.isSlug(slug)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "-a", "a-", "a--b", "A", "quête", "a_b", "a.b", "report.pdf", "a/b", "a b", "a\n"})
    void aSlugHasNoOtherShape(String slug) {
        assertThat(ReportIds.isSlug(slug)).isFalse();
    }

    @Test
    void aSlugIsAtMostAHundredCharacters() {
        assertThat(ReportIds.isSlug("a".repeat(100))).isTrue();
        assertThat(ReportIds.isSlug("a".repeat(101))).isFalse();
    }

    @Test
    void theSitesOwnPagesAreReservedSlugs() {
        assertThat(ReportIds.RESERVED_SLUGS).containsExactly("chiffres-cles", "finances", "recherche");
        assertThat(ReportIds.isReservedSlug("recherche")).isTrue();
        assertThat(ReportIds.isReservedSlug("chiffres-cles")).isTrue();
        assertThat(ReportIds.isReservedSlug("finances")).isTrue();
        assertThat(ReportIds.isReservedSlug("finances-2024")).isFalse();
        assertThat(ReportIds.isReservedSlug(null)).isFalse();
        // a language's pages are /{edition}/{language}/: no chapter may take its code
        assertThat(ReportIds.isReservedSlug("en")).isTrue();
        assertThat(ReportIds.isReservedSlug("es")).isTrue();
        assertThat(ReportIds.isReservedSlug("eng")).isFalse();
    }

    @Test
    void aTeamIsLowercaseWordsJoinedBySingleHyphensOfAtMostEightyCharacters() {
        assertThat(ReportIds.isTeam("sos-defenders")).isTrue();
        assertThat(ReportIds.isTeam("a".repeat(80))).isTrue();
        assertThat(ReportIds.isTeam("a".repeat(81))).isFalse();
        assertThat(ReportIds.isTeam("sos.defenders")).isFalse();
        assertThat(ReportIds.isTeam("Sos")).isFalse();
        assertThat(ReportIds.isTeam("")).isFalse();
        assertThat(ReportIds.isTeam(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cases", "sos-defenders.cases", "finances-revenus", "a.b-c.d", "2024"})
    void aSourceIdIsLowercaseWordsJoinedBySingleDotsOrHyphens(String id) {
        assertThat(ReportIds.isSourceId(id)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", ".a", "a.", "a..b", "a.-b", "Cases", "a_b", "a/b", "a b", "{{x}}"})
    void aSourceIdHasNoOtherShape(String id) {
        assertThat(ReportIds.isSourceId(id)).isFalse();
    }

    @Test
    void aSourceIdIsAtMostEightyCharacters() {
        assertThat(ReportIds.isSourceId("a".repeat(80))).isTrue();
        assertThat(ReportIds.isSourceId("a".repeat(81))).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"fr", "de", "gsw", "fr-CH", "en-GB"})
    void aLanguageIsACodeWithAnOptionalRegion(String language) {
        assertThat(ReportIds.isLanguage(language)).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "f", "FR", "fr-ch", "fr_CH", "fr-CHE", "french"})
    void aLanguageHasNoOtherShape(String language) {
        assertThat(ReportIds.isLanguage(language)).isFalse();
    }
}
