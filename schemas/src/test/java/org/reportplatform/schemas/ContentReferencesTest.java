package org.reportplatform.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.reportplatform.schemas.ContentReferences.Kind;
import org.reportplatform.schemas.ContentReferences.Reference;

class ContentReferencesTest {

    @Test
    void findsFiguresAndChartsInOrderWithWhereTheyStand() {
        String text = "Nous avons soutenu {{fig:sos-defenders.cases}} personnes.\n{{chart:revenus}}";

        assertThat(ContentReferences.in(text)).containsExactly(
                new Reference(Kind.FIGURE, "sos-defenders.cases", 19, 46),
                new Reference(Kind.CHART, "revenus", 58, 75));
        assertThat(text.substring(19, 46)).isEqualTo("{{fig:sos-defenders.cases}}");
    }

    @Test
    void theIdIsTakenAsWrittenWithoutTheBlanksAroundIt() {
        assertThat(ContentReferences.in("{{fig: cases }}")).extracting(Reference::id).containsExactly("cases");
        assertThat(ContentReferences.in("{{fig:}} {{chart:  }}")).extracting(Reference::id).containsExactly("", "");
        assertThat(ContentReferences.in("{{fig:Pas Un Id}}")).extracting(Reference::id).containsExactly("Pas Un Id");
    }

    @Test
    void onlyFigAndChartInDoubleBracesAreReferences() {
        assertThat(ContentReferences.in("{{FIG:a}} {{figure:a}} {fig:a} {{fig:a} {{ fig:a}} fig:a")).isEmpty();
        assertThat(ContentReferences.in("")).isEmpty();
        assertThat(ContentReferences.in(null)).isEmpty();
    }

    @Test
    void anIdHoldsNoBraceSoTheInnermostWellFormedReferenceCounts() {
        assertThat(ContentReferences.in("{{fig:{{fig:a}}}}")).containsExactly(new Reference(Kind.FIGURE, "a", 6, 15));
        assertThat(ContentReferences.in("{{fig:a{b}}")).isEmpty();
        assertThat(ContentReferences.in("{{fig:a}}{{chart:b}}")).extracting(Reference::kind).containsExactly(Kind.FIGURE, Kind.CHART);
    }

    @Test
    void aChartAloneIsOneChartReferenceWithOnlyBlanksAroundIt() {
        assertThat(ContentReferences.chartAlone("{{chart:revenus}}")).contains("revenus");
        assertThat(ContentReferences.chartAlone("  {{chart: revenus }}\t")).contains("revenus");
        assertThat(ContentReferences.chartAlone("Voir {{chart:revenus}}")).isEmpty();
        assertThat(ContentReferences.chartAlone("{{chart:a}} {{chart:b}}")).isEmpty();
        assertThat(ContentReferences.chartAlone("{{fig:revenus}}")).isEmpty();
        assertThat(ContentReferences.chartAlone(null)).isEmpty();
    }
}
