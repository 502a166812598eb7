package org.reportplatform.gateway.studio.translations;

import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.studio.PublicationForm;
import org.reportplatform.gateway.studio.drafts.Draft;
import org.reportplatform.gateway.studio.editions.Edition;
import org.reportplatform.gateway.studio.editions.Languages;
import org.reportplatform.gateway.studio.history.Comparison;
import org.reportplatform.gateway.studio.history.HistoryKind;

/**
 * What the translation editor shows: the source chapter (read-only, in its language) beside the
 * translation's draft form, the draft's review and schedule, and when the translation is stale the
 * source's changes since the revision it translates.
 *
 * @param translation   the published translation; null when there is none yet
 * @param draft         the open draft of the translation; null when there is none (or the person may not read it)
 * @param title, body   what the form holds (the draft, else the published translation, or the person's text after a refusal)
 * @param sourceChanges the source's changes from the translated revision to the current one; null unless stale
 * @param editable      the person may write it (the chapter's team, the translator team, an admin; never in a closed edition)
 * @param reviewer      the person may approve or send back a draft (reviewers, admins)
 */
public record TranslationView(Edition edition, String slug, String language, String sourceTitle, String sourceBody, long sourceRevision,
        String ownerTeam, Translation translation, Draft draft, String title, String body, Comparison sourceChanges, boolean editable,
        boolean admin, boolean reviewer, PublicationForm schedule, FormState form, String notice, String error) {

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

    /** The draft's preview: the page in this language as publishing the draft would make it. */
    public String previewPath() {
        return "/preview/" + edition.edition() + "/" + language + "/" + slug;
    }

    public boolean hasDraft() {
        return draft != null;
    }

    /** The draft's revision the form saves on (If-Match); empty to start one. */
    public String draftRevision() {
        return draft == null ? "" : Long.toString(draft.revision());
    }

    /** Publishing waits for an approval when the edition requires review. */
    public boolean mayPublish() {
        return draft == null || draft.mayPublish();
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

    TranslationView with(String title, String body, FormState form, String notice, String error) {
        return new TranslationView(edition, slug, language, sourceTitle, sourceBody, sourceRevision, ownerTeam, translation, draft, title, body,
                sourceChanges, editable, admin, reviewer, schedule, form, notice, error);
    }

    TranslationView withMessages(String notice, String error) {
        return with(title, body, form, notice, error);
    }
}
