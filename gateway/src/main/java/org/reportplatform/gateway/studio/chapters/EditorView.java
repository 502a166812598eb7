package org.reportplatform.gateway.studio.chapters;

import org.reportplatform.gateway.accounts.FormState;

/**
 * What the editor page shows.
 *
 * @param base      the revision the person started from: sent back as {@code If-Match}
 * @param ownerTeam the team that writes the chapter; blank when unknown (the chapter could not be read)
 * @param editable  whether the person may edit it (the API decides anyway)
 * @param lastSaved "Révision 5, enregistrée le … par …"; null when unknown
 * @param form      the person's title and text when the page comes back after a refused save, with
 *                  the refusal's messages beside the fields
 * @param notice    a confirmation (saved), announced politely
 * @param error     why the last action failed, announced at once
 */
public record EditorView(String edition, String slug, String title, String body, long base, String ownerTeam, boolean editable,
                         String lastSaved, Preview preview, FormState form, String notice, String error) {

    public String path() {
        return "/studio/" + edition + "/chapitres/" + slug;
    }

    public String publicPath() {
        return "/" + edition + "/" + slug;
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
}
