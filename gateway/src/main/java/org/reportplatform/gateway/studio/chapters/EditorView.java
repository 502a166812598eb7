package org.reportplatform.gateway.studio.chapters;

import java.util.List;
import org.reportplatform.gateway.accounts.FormState;
import org.reportplatform.gateway.studio.editions.Edition;
import org.reportplatform.gateway.studio.translations.TranslationRow;
import org.reportplatform.gateway.studio.PublicationForm;
import org.reportplatform.gateway.studio.drafts.Draft;

/**
 * What the editor page shows: the draft's title and text (the published ones when there is no
 * draft yet), its review state and notes, the actions the person may use, and the preview.
 *
 * @param draft           the open draft; null when there is none (the first save starts one)
 * @param chapterRevision the published chapter's revision
 * @param ownerTeam       the team that writes the chapter; blank when unknown
 * @param editable        the person may write the draft (the chapter's team, an admin; the API decides anyway)
 * @param reviewer        the person may approve or request changes (role Relecture, or an admin)
 * @param lastSaved       "Publié : révision 5, le … par …"; null when unknown
 * @param preview         the render service's page of the published text, shown until a draft exists
 *                        (a draft's preview is the live frame on /preview); null with a draft
 * @param form            the person's title and text when the page comes back after a refusal, with messages beside the fields
 * @param schedule        the « Programmer la publication » fields
 * @param scheduleRefusal why the time was refused, and the two readings to choose from; null otherwise
 * @param notice          a confirmation, announced politely (and focused)
 * @param error           why the last action failed, announced at once
 * @param described       the edition: a closed one is read-only, corrected only by an erratum
 * @param translations    the chapter's translations, one per target language of the edition
 * @param mayCorrect      the edition is closed and the person may publish an erratum (the chapter's team, an admin)
 */
public record EditorView(String edition, String slug, String title, String body, Draft draft, long chapterRevision, String ownerTeam,
                         boolean editable, boolean reviewer, String lastSaved, Preview preview, FormState form, PublicationForm schedule,
                         PublicationForm.Refusal scheduleRefusal, String notice, String error, Edition described,
                         List<TranslationRow> translations, boolean mayCorrect) {

    public boolean closed() {
        return described.closed();
    }

    public String translationPath(String language) {
        return path() + "/traductions/" + language;
    }

    public String path() {
        return "/studio/" + edition + "/chapitres/" + slug;
    }

    public String publicPath() {
        return "/" + edition + "/" + slug;
    }

    public String previewPath() {
        return "/preview/" + edition + "/" + slug;
    }

    public boolean hasDraft() {
        return draft != null;
    }

    /** The draft's revision, sent back as If-Match; empty without a draft (the first save sends If-None-Match: *). */
    public String draftRevision() {
        return draft == null ? "" : Long.toString(draft.revision());
    }

    public boolean titleEmpty() {
        return title == null || title.isBlank();
    }

    /** The title's {@code aria-describedby}: its warning region, and its error when there is one. */
    public String titleDescribedBy() {
        return form.error("title") == null ? "title-warnings" : "title-warnings title-error";
    }

    public String bodyDescribedBy() {
        return form.error("body") == null ? "body-hint body-warnings" : "body-hint body-warnings body-error";
    }

    /** The state shown at the top: « Publié » without a draft, else the draft's review state. */
    public String state() {
        return draft == null ? "Publié" : draft.state();
    }

    public String stateClass() {
        return draft == null ? "published" : draft.stateClass();
    }

    /** Publishing is offered unless the edition requires review and the draft is not approved. */
    public boolean mayPublish() {
        return draft == null || draft.mayPublish();
    }

    EditorView withText(String title, String body, FormState form) {
        return new EditorView(edition, slug, title, body, draft, chapterRevision, ownerTeam, editable, reviewer, lastSaved, preview, form,
                schedule, scheduleRefusal, notice, error, described, translations, mayCorrect);
    }

    EditorView withSchedule(PublicationForm schedule, PublicationForm.Refusal refusal) {
        return new EditorView(edition, slug, title, body, draft, chapterRevision, ownerTeam, editable, reviewer, lastSaved, preview, form,
                schedule, refusal, notice, error, described, translations, mayCorrect);
    }

    EditorView withMessages(String notice, String error) {
        return new EditorView(edition, slug, title, body, draft, chapterRevision, ownerTeam, editable, reviewer, lastSaved, preview, form,
                schedule, scheduleRefusal, notice, error, described, translations, mayCorrect);
    }
}
