package org.reportplatform.gateway.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

/** The excerpt shown is the passage holding the most words found, the earlier one on a tie. */
class MatchCountScorerTest {

    private final MatchCountScorer scorer = new MatchCountScorer();

    private static Passage passage(int start, int matches) {
        Passage passage = new Passage();
        passage.setStartOffset(start);
        passage.setEndOffset(start + 100);
        for (int i = 0; i < matches; i++) {
            passage.addMatch(start + i * 10, start + i * 10 + 5, new BytesRef("torture"), 1);
        }
        return passage;
    }

    @Test
    void more_words_found_score_higher_wherever_the_passage_is() {
        assertThat(scorer.score(passage(5_000, 2), 10_000)).isGreaterThan(scorer.score(passage(0, 1), 10_000));
    }

    @Test
    void on_a_tie_the_earlier_passage_scores_higher() {
        assertThat(scorer.score(passage(0, 1), 10_000)).isGreaterThan(scorer.score(passage(5_000, 1), 10_000));
    }
}
