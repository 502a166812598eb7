package org.reportplatform.content.translations;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.revisions.ResourceFamily;
import org.reportplatform.platform.revisions.RevisionBook;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.schemas.Topics;
import org.reportplatform.schemas.TranslationChanged;
import org.reportplatform.schemas.TranslationState;

/**
 * Every translation of every chapter as it is now, and a summary of each of its revisions, as
 * replayed from report.translations.v1. A translation's id in the book is {@code {slug}/{language}},
 * so its record key is {@code {edition}/{slug}/{language}}.
 */
public class TranslationBook extends RevisionBook<TranslationChanged, TranslationState, TranslationText> {

    /** What is specific to translations: keyed {edition}/{slug}/{language}, listed by chapter then language, title and body diffed. */
    public static final ResourceFamily<TranslationChanged, TranslationState, TranslationText> TRANSLATIONS = new ResourceFamily<>(
            "translation", Topics.TRANSLATIONS,
            new Revisioned<>(e -> Topics.sourceKey(e.getEdition(), id(e.getSlug(), e.getLanguage())), TranslationChanged::getRevision,
                    TranslationChanged::getMetadata, TranslationChanged::getTranslation),
            TranslationText::of, Comparator.comparing(TranslationText::slug).thenComparing(TranslationText::language),
            List.of("title", "body"));

    public TranslationBook(RevisionReader<TranslationChanged> log) {
        super(TRANSLATIONS, log);
    }

    /** The id of a chapter's translation into a language, in the book and its messages: {@code enfants/en}. */
    public static String id(String slug, String language) {
        return slug + "/" + language;
    }

    /** The translation of a chapter into a language as it is now; empty if there is none (any more). */
    public Optional<TranslationText> current(String edition, String slug, String language) {
        return current(edition, id(slug, language));
    }

    /** The translations of one chapter as they are now, by language. */
    public List<TranslationText> ofChapter(String edition, String slug) {
        return list(edition).stream().filter(t -> t.slug().equals(slug)).toList();
    }
}
