package org.reportplatform.render.site;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.ReportState;

/**
 * Which outputs the site has: the {@code /editions} page and, for every public edition (published
 * or closed) with at least one chapter, in its source language and in each target language, its
 * index, its key-figures and finance pages, one page per chapter, and the report PDF. An edition
 * in preparation has none. Also the report order's neighbours of a chapter (its previous/next links).
 */
public final class SitePlan {

    private SitePlan() {
    }

    /** Every page of the site: {@code /editions}, and every page of every public edition in each of its languages. */
    public static List<OutputId> pages(ReportState state) {
        List<OutputId> pages = new ArrayList<>();
        pages.add(new OutputId.EditionsPage());
        for (String edition : state.publicEditions()) {
            pages.addAll(pages(state, edition));
        }
        return pages;
    }

    /** The pages of one edition, in every language (none when it is not public). */
    public static List<OutputId> pages(ReportState state, String edition) {
        List<OutputId> pages = new ArrayList<>();
        if (!state.publicEditions().contains(edition)) {
            return pages;
        }
        for (String language : languages(state, edition)) {
            pages.add(new OutputId.IndexPage(edition, language));
            pages.addAll(keyFiguresPages(state, edition, language));
            pages.add(new OutputId.FinancePage(edition, language));
            for (Chapter chapter : state.chapters(edition)) {
                pages.add(new OutputId.ChapterPage(edition, language, chapter.slug()));
            }
        }
        return pages;
    }

    /** The output languages of an edition: null (the source language, at the root), then each target language. */
    public static List<String> languages(ReportState state, String edition) {
        List<String> languages = new ArrayList<>();
        languages.add(null);
        state.edition(edition).ifPresent(e -> languages.addAll(e.targetLanguages()));
        return languages;
    }

    /** The edition's key-figures pages in the source language, as many as its indicators need. */
    public static List<OutputId> keyFiguresPages(ReportState state, String edition) {
        return keyFiguresPages(state, edition, null);
    }

    /** The edition's key-figures pages in one language, as many as its indicators need. */
    public static List<OutputId> keyFiguresPages(ReportState state, String edition, String language) {
        List<OutputId> pages = new ArrayList<>();
        int count = OutputId.KeyFiguresPage.count(state.indicators(edition).size());
        for (int n = 1; n <= count; n++) {
            pages.add(new OutputId.KeyFiguresPage(edition, language, n));
        }
        return pages;
    }

    /** The report PDF of every public edition, in each of its languages. */
    public static List<OutputId> documents(ReportState state) {
        List<OutputId> documents = new ArrayList<>();
        for (String edition : state.publicEditions()) {
            documents.addAll(documents(state, edition));
        }
        return documents;
    }

    /** One edition's report PDFs, one per language (none when it is not public). */
    public static List<OutputId> documents(ReportState state, String edition) {
        List<OutputId> documents = new ArrayList<>();
        if (state.publicEditions().contains(edition)) {
            for (String language : languages(state, edition)) {
                documents.add(new OutputId.ReportDocument(edition, language));
            }
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
