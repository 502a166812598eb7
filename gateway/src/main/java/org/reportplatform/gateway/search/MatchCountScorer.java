package org.reportplatform.gateway.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;

/**
 * Ranks a page's candidate excerpts by how many of the words found they hold, earlier ones first
 * on a tie. Lucene's own scorer builds a hash of the matched terms for every candidate passage: on
 * a key-figures page, where every row is a passage holding "indicateur", that was most of a
 * query's time (10 ms of CPU for the ten results shown). Our passages are a sentence or a table
 * row, so counting ranks them the same way.
 */
final class MatchCountScorer extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        return passage.getNumMatches() * norm(passage.getStartOffset());
    }
}
