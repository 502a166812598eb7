package org.reportplatform.render.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.ReportState;

/**
 * Which outputs the site has: for every edition with at least one chapter, its index, its
 * key-figures and finance pages, one page per chapter, and the report PDF. Also the report
 * order's neighbours of a chapter (its previous/next links).
 */
public final class SitePlan {

    private SitePlan() {
    }

    public static List<OutputId> pages(ReportState state) {
        List<OutputId> pages = new ArrayList<>();
        for (String edition : state.editions()) {
            pages.add(new OutputId.IndexPage(edition));
            pages.addAll(keyFiguresPages(state, edition));
            pages.add(new OutputId.FinancePage(edition));
            for (Chapter chapter : state.chapters(edition)) {
                pages.add(new OutputId.ChapterPage(edition, chapter.slug()));
            }
        }
        return pages;
    }

    /** The edition's key-figures pages, as many as its indicators need. */
    public static List<OutputId> keyFiguresPages(ReportState state, String edition) {
        List<OutputId> pages = new ArrayList<>();
        int count = OutputId.KeyFiguresPage.count(state.indicators(edition).size());
        for (int n = 1; n <= count; n++) {
            pages.add(new OutputId.KeyFiguresPage(edition, n));
        }
        return pages;
    }

    public static List<OutputId> documents(ReportState state) {
        List<OutputId> documents = new ArrayList<>();
        for (String edition : state.editions()) {
            documents.add(new OutputId.ReportDocument(edition));
        }
        return documents;
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
