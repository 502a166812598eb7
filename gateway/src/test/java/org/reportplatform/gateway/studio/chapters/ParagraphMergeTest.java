package org.reportplatform.gateway.studio.chapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reportplatform.gateway.studio.chapters.ParagraphMerge.Part;
import org.reportplatform.gateway.studio.chapters.ParagraphMerge.Result;
import org.reportplatform.gateway.studio.chapters.ParagraphMerge.Side;

/** Three-way merges by paragraph: what is merged on its own, what is left to the person. */
class ParagraphMergeTest {

    private static final String BASE = text("Un.", "Deux.", "Trois.", "Quatre.");

    @Test
    void changesToDifferentParagraphsAreBothKept() {
        Result result = ParagraphMerge.merge(BASE, text("Un, revu par moi.", "Deux.", "Trois.", "Quatre."),
                text("Un.", "Deux.", "Trois, revu par l’autre.", "Quatre."));

        assertThat(result.clean()).isTrue();
        assertThat(result.text(n -> null)).isEqualTo(text("Un, revu par moi.", "Deux.", "Trois, revu par l’autre.", "Quatre."));
        assertThat(result.parts()).containsExactly(
                new Part.Settled(List.of("Un, revu par moi."), Side.MINE),
                new Part.Settled(List.of("Deux."), Side.BOTH),
                new Part.Settled(List.of("Trois, revu par l’autre."), Side.THEIRS),
                new Part.Settled(List.of("Quatre."), Side.BOTH));
    }

    @Test
    void neighbouringParagraphsChangedOnEachSideMergeWithoutAsking() {
        Result result = ParagraphMerge.merge(BASE, text("Un.", "Deux !", "Trois.", "Quatre."), text("Un.", "Deux.", "Trois !", "Quatre."));

        assertThat(result.clean()).isTrue();
        assertThat(result.text(n -> null)).isEqualTo(text("Un.", "Deux !", "Trois !", "Quatre."));
    }

    @Test
    void overlappingStretchesOfRewrittenParagraphsConflictOnlyWhereBothRewroteTheSameOne() {
        // Mine rewrites 1 and 2, theirs 2 and 3: only 2 is theirs and mine at once.
        Result result = ParagraphMerge.merge(BASE, text("Un (moi).", "Deux (moi).", "Trois.", "Quatre."),
                text("Un.", "Deux (autre).", "Trois (autre).", "Quatre."));

        assertThat(result.conflicts()).containsExactly(new Part.Conflict(1, List.of("Deux."), List.of("Deux (moi)."), List.of("Deux (autre).")));
        assertThat(result.text(n -> Side.THEIRS)).isEqualTo(text("Un (moi).", "Deux (autre).", "Trois (autre).", "Quatre."));
    }

    @Test
    void theSameParagraphChangedDifferentlyIsAConflictTheChoiceSettles() {
        String mine = text("Un.", "Deux, ma version.", "Trois.", "Quatre, ajouté par moi.");
        String theirs = text("Un.", "Deux, leur version.", "Trois.", "Quatre.");

        Result result = ParagraphMerge.merge(BASE, mine, theirs);

        assertThat(result.conflicts()).containsExactly(
                new Part.Conflict(1, List.of("Deux."), List.of("Deux, ma version."), List.of("Deux, leur version.")));
        assertThat(result.text(n -> Side.MINE)).isEqualTo(mine);
        assertThat(result.text(n -> Side.THEIRS)).isEqualTo(text("Un.", "Deux, leur version.", "Trois.", "Quatre, ajouté par moi."));
        assertThatThrownBy(() -> result.text(n -> null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void severalConflictsAreNumberedInTextOrderAndChosenOneByOne() {
        Result result = ParagraphMerge.merge(BASE, text("Un (moi).", "Deux.", "Trois.", "Quatre (moi)."),
                text("Un (autre).", "Deux.", "Trois.", "Quatre (autre)."));

        assertThat(result.conflicts()).extracting(Part.Conflict::number).containsExactly(1, 2);
        Map<Integer, Side> choices = Map.of(1, Side.THEIRS, 2, Side.MINE);
        assertThat(result.text(choices::get)).isEqualTo(text("Un (autre).", "Deux.", "Trois.", "Quatre (moi)."));
    }

    @Test
    void theSameChangeOnBothSidesIsTakenOnce() {
        String both = text("Un.", "Deux, corrigé.", "Trois.", "Quatre.");

        Result result = ParagraphMerge.merge(BASE, both, both);

        assertThat(result.clean()).isTrue();
        assertThat(result.text(n -> null)).isEqualTo(both);
    }

    @Test
    void insertionsAtBothEndsOnDifferentSidesAreBothKept() {
        Result result = ParagraphMerge.merge(BASE, text("Avant-propos.", "Un.", "Deux.", "Trois.", "Quatre."),
                text("Un.", "Deux.", "Trois.", "Quatre.", "Conclusion."));

        assertThat(result.clean()).isTrue();
        assertThat(result.text(n -> null)).isEqualTo(text("Avant-propos.", "Un.", "Deux.", "Trois.", "Quatre.", "Conclusion."));
    }

    @Test
    void differentInsertionsAtTheSamePlaceAreAConflict() {
        Result result = ParagraphMerge.merge(BASE, text("Un.", "Deux.", "Trois.", "Quatre.", "Ma fin."),
                text("Un.", "Deux.", "Trois.", "Quatre.", "Leur fin."));

        assertThat(result.conflicts()).containsExactly(new Part.Conflict(1, List.of(), List.of("Ma fin."), List.of("Leur fin.")));
        assertThat(result.text(n -> Side.THEIRS)).isEqualTo(text("Un.", "Deux.", "Trois.", "Quatre.", "Leur fin."));
    }

    @Test
    void aDeletionOnOneSideAndAnEditElsewhereAreBothApplied() {
        Result result = ParagraphMerge.merge(BASE, text("Deux.", "Trois.", "Quatre."), text("Un.", "Deux.", "Trois.", "Quatre, revu."));

        assertThat(result.clean()).isTrue();
        assertThat(result.text(n -> null)).isEqualTo(text("Deux.", "Trois.", "Quatre, revu."));
    }

    @Test
    void aParagraphDeletedOnOneSideAndEditedOnTheOtherIsAConflict() {
        Result result = ParagraphMerge.merge(BASE, text("Un.", "Deux.", "Trois."), text("Un.", "Deux.", "Trois.", "Quatre, revu."));

        assertThat(result.conflicts()).containsExactly(new Part.Conflict(1, List.of("Quatre."), List.of(), List.of("Quatre, revu.")));
        assertThat(result.text(n -> Side.MINE)).isEqualTo(text("Un.", "Deux.", "Trois."));
    }

    @Test
    void anInsertionInsideAParagraphRangeTheOtherSideRewroteIsAConflict() {
        // Mine rewrites 2-3 as one; theirs inserts a paragraph between them.
        Result result = ParagraphMerge.merge(BASE, text("Un.", "Deux et trois.", "Quatre."),
                text("Un.", "Deux.", "Entre deux et trois.", "Trois.", "Quatre."));

        assertThat(result.conflicts()).containsExactly(new Part.Conflict(1, List.of("Deux.", "Trois."),
                List.of("Deux et trois."), List.of("Deux.", "Entre deux et trois.", "Trois.")));
    }

    @Test
    void nothingChangedOnOneSideGivesTheOtherSide() {
        String theirs = text("Un.", "Deux.", "Trois, revu.", "Quatre.", "Cinq.");

        assertThat(ParagraphMerge.merge(BASE, BASE, theirs).text(n -> null)).isEqualTo(theirs);
        assertThat(ParagraphMerge.merge(BASE, theirs, BASE).text(n -> null)).isEqualTo(theirs);
    }

    @Test
    void fromAnEmptyTextBothSidesWritingIsAConflictOneSideWritingIsNot() {
        assertThat(ParagraphMerge.merge("", "Mon texte.", "").text(n -> null)).isEqualTo("Mon texte.\n");
        assertThat(ParagraphMerge.merge(null, "Mon texte.", "Leur texte.").conflicts()).hasSize(1);
    }

    @Test
    void paragraphsAreBlocksBetweenBlankLinesWhateverTheLineEndsAndSpacing() {
        assertThat(ParagraphMerge.paragraphs("Un\r\nsuite\r\n\r\n\r\nDeux  \n \t\nTrois\n")).containsExactly("Un\nsuite", "Deux", "Trois");
        assertThat(ParagraphMerge.paragraphs("  \n")).isEmpty();
        assertThat(ParagraphMerge.join(List.of("Un", "Deux"))).isEqualTo("Un\n\nDeux\n");
    }

    @Test
    void aListOrAChartLineInsideAParagraphMovesWithIt() {
        String base = text("Intro.", "- a\n- b", "{{chart:finances-revenus}}");
        Result result = ParagraphMerge.merge(base, text("Intro, revue.", "- a\n- b", "{{chart:finances-revenus}}"),
                text("Intro.", "- a\n- b\n- c", "{{chart:finances-revenus}}"));

        assertThat(result.text(n -> null)).isEqualTo(text("Intro, revue.", "- a\n- b\n- c", "{{chart:finances-revenus}}"));
    }

    @Test
    void aTitleIsTakenFromTheSideThatChangedItOrLeftToThePerson() {
        assertThat(ParagraphMerge.line("Enfants", "Enfants", "Les enfants")).contains("Les enfants");
        assertThat(ParagraphMerge.line("Enfants", "Les enfants", "Enfants")).contains("Les enfants");
        assertThat(ParagraphMerge.line("Enfants", "Les enfants", "Les enfants")).contains("Les enfants");
        assertThat(ParagraphMerge.line("Enfants", "Mes enfants", "Leurs enfants")).isEmpty();
    }

    private static String text(String... paragraphs) {
        return ParagraphMerge.join(List.of(paragraphs));
    }
}
