package org.reportplatform.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;

class ReportAnalyzersTest {

    @Test
    void frenchDropsElisionsFoldsAccentsAndStems() throws IOException {
        // Given the French analysis
        Analyzer french = ReportAnalyzers.forAnalysis("fr");

        // Then an elided article is dropped (straight or typographic apostrophe), plural and singular meet
        assertThat(terms(french, "l'enfant")).isEqualTo(terms(french, "enfants"));
        assertThat(terms(french, "l’enfant")).isEqualTo(terms(french, "enfant"));
        assertThat(terms(french, "qu’aucune")).isEqualTo(terms(french, "aucune"));
        // And a word typed without accents meets the accented one, inclusive writing included
        assertThat(terms(french, "Défenseur.e.s")).contains(terms(french, "defenseur").get(0));
        assertThat(terms(french, "militant·e·s")).contains(terms(french, "militants").get(0));
        assertThat(terms(french, "défenseurs")).isEqualTo(terms(french, "DEFENSEUR"));
        // And stop words are not terms
        assertThat(terms(french, "la torture et les mauvais traitements")).hasSize(3);
    }

    @Test
    void englishDropsPossessivesAndStems() throws IOException {
        Analyzer english = ReportAnalyzers.forAnalysis("en");

        assertThat(terms(english, "the organisation’s reports")).isEqualTo(terms(english, "organisation report"));
        assertThat(terms(english, "tortured")).isEqualTo(terms(english, "torture"));
        assertThat(terms(english, "Defenders")).isEqualTo(terms(english, "défender"));
    }

    @Test
    void spanishStemsAndFoldsAccents() throws IOException {
        Analyzer spanish = ReportAnalyzers.forAnalysis("es");

        assertThat(terms(spanish, "defensoras")).isEqualTo(terms(spanish, "defensora"));
        assertThat(terms(spanish, "niños")).isEqualTo(terms(spanish, "ninos"));
        assertThat(terms(spanish, "tortura")).isEqualTo(terms(spanish, "TORTURA"));
    }

    @Test
    void digitGroupsAreJoinedWhateverTheSeparator() throws IOException {
        // Given a figure as each language prints it, and as people type it
        for (String analysis : ReportAnalyzers.ANALYSES) {
            Analyzer analyzer = ReportAnalyzers.forAnalysis(analysis);
            for (String written : List.of("4\u202F445", "4\u00A0445", "4 445", "4445", "4,445", "1\u202F234\u202F567")) {
                String expected = written.equals("1\u202F234\u202F567") ? "1234567" : "4445";
                // Then each is one term, the digits alone
                assertThat(terms(analyzer, written)).as("%s in %s", written, analysis).containsExactly(expected);
            }
            // And numbers that are not digit groups stay apart
            assertThat(terms(analyzer, "2023 2024")).as(analysis).containsExactly("2023", "2024");
            assertThat(terms(analyzer, "1,5")).as(analysis).doesNotContain("15");
        }
    }

    @Test
    void joiningDigitGroupsKeepsTheOffsetsOfTheOriginalText() throws IOException {
        // Given a sentence with a grouped figure after another one
        String text = "En 2024, 1\u202F200 appels et 4\u202F445 cas.";
        Analyzer french = ReportAnalyzers.forAnalysis("fr");

        // Then the term 4445 points at "4 445" in the original text (highlighting marks the right words)
        try (TokenStream stream = french.tokenStream("text_fr", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            List<String> found = new ArrayList<>();
            while (stream.incrementToken()) {
                found.add(term + "=" + text.substring(offset.startOffset(), offset.endOffset()));
            }
            stream.end();
            assertThat(found).contains("1200=1\u202F200", "4445=4\u202F445", "cas=cas");
        }
    }

    private static List<String> terms(Analyzer analyzer, String text) throws IOException {
        List<String> terms = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream("text", new StringReader(text))) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                terms.add(term.toString());
            }
            stream.end();
        }
        return terms;
    }
}
