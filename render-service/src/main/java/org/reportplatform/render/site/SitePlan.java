package org.reportplatform.render.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.ReportState;

/**
 * Which pages the site has: for every edition with at least one chapter, its index and one page
 * per chapter. Also the report order's neighbours of a chapter (its previous/next links).
 */
public final class SitePlan {

    private SitePlan() {
    }

    public static List<OutputId> pages(ReportState state) {
        List<OutputId> pages = new ArrayList<>();
        for (String edition : state.editions()) {
            pages.add(new OutputId.IndexPage(edition));
            for (Chapter chapter : state.chapters(edition)) {
                pages.add(new OutputId.ChapterPage(edition, chapter.slug()));
            }
        }
        return pages;
    }

    /** The chapters before and after {@code slug} in report order (either may be absent). */
    public static Neighbours neighbours(List<Chapter> ordered, String slug) {
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).slug().equals(slug)) {
                return new Neighbours(i > 0 ? Optional.of(ordered.get(i - 1)) : Optional.empty(),
                        i + 1 < ordered.size() ? Optional.of(ordered.get(i + 1)) : Optional.empty());
            }
        }
        return new Neighbours(Optional.empty(), Optional.empty());
    }

    public record Neighbours(Optional<Chapter> previous, Optional<Chapter> next) {
    }
}
