package org.reportplatform.gateway.studio.translations;

import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.studio.editions.Edition;
import org.reportplatform.gateway.studio.editions.Languages;
import org.reportplatform.gateway.studio.history.Comparison;
import org.reportplatform.gateway.studio.history.HistoryKind;

/**
 * What the translation editor shows: the source chapter (read-only, in its language) beside the
 * translation's form, and when the translation is stale the source's changes since the revision
 * it translates.
 *
 * @param translation   the saved translation; null when there is none yet
 * @param title, body   what the form holds (the saved translation, or the person's text after a refusal)
 * @param formRevision  the revision a save goes on (If-Match); null to create it
 * @param sourceChanges the source's changes from the translated revision to the current one; null unless stale
 * @param editable      the person may save it (the chapter's team, the translator team, an admin; never in a closed edition)
 */
public record TranslationView(Edition edition, String slug, String language, String sourceTitle, String sourceBody, long sourceRevision,
        String ownerTeam, Translation translation, String title, String body, Long formRevision, Comparison sourceChanges, boolean editable,
        boolean admin, FormState form, String notice, String error) {

    public String path() {
        return "/studio/" + edition.edition() + "/chapitres/" + slug + "/traductions/" + language;
    }

    public String chapterPath() {
        return "/studio/" + edition.edition() + "/chapitres/" + slug;
    }

    public String historyPath() {
        return HistoryKind.TRANSLATIONS.historyPath(edition.edition(), HistoryKind.translationId(slug, language));
    }

    /** The source's own comparison page, from the translated revision to the current one. */
    public String sourceComparePath() {
        return HistoryKind.CHAPTERS.historyPath(edition.edition(), slug) + "/comparer?de=" + translation.sourceRevision() + "&a=" + sourceRevision;
    }

    /** The public page of this language, once the edition is public. */
    public String publicPath() {
        return "/" + edition.edition() + "/" + language + "/" + slug;
    }

    public String languageName() {
        return Languages.name(language);
    }

    public String sourceLanguage() {
        return edition.sourceLanguage();
    }

    public String sourceLanguageName() {
        return Languages.name(edition.sourceLanguage());
    }

    public TranslationState state() {
        return translation == null ? TranslationState.MISSING : translation.state();
    }

    public String formRevisionText() {
        return formRevision == null ? "" : Long.toString(formRevision);
    }

    TranslationView with(String title, String body, Long formRevision, FormState form, String notice, String error) {
        return new TranslationView(edition, slug, language, sourceTitle, sourceBody, sourceRevision, ownerTeam, translation, title, body,
                formRevision, sourceChanges, editable, admin, form, notice, error);
    }
}
