package org.reportplatform.content.translations;

/**
 * The body of {@code PUT /api/editions/{edition}/chapters/{slug}/translations/{language}}: the
 * translated title and body, the source revision they translate (default: the chapter's current
 * one) and, for an admin, the translator team (absent: unchanged). An admin may send the translator
 * team alone, without title and body, to assign a translation no one has written yet. Read-only
 * fields of {@link Translation} may be sent back and are ignored.
 */
public record TranslationRequest(String title, String body, Long sourceRevision, String translatorTeam) {

    /** An admin naming who will translate, before anyone has: no title, no body. */
    boolean isAssignmentOnly() {
        return title == null && body == null && translatorTeam != null;
    }
}
