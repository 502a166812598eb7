package org.reportplatform.gateway.studio.chapters;

import java.util.List;
import java.util.Map;
import org.reportplatform.gateway.studio.chapters.ParagraphMerge.Part;
import org.reportplatform.gateway.studio.chapters.ParagraphMerge.Result;

/**
 * The conflict screen: the person's version and the one saved meanwhile side by side, and the
 * merge of both from the revision the person started from, with a choice wherever both changed
 * the same paragraph (or the title).
 *
 * @param base           the revision the person started from
 * @param draftRevision  the draft whose text is "mine" (the merge is saved to it, with {@code baseRevision} = theirs)
 * @param theirs         the revision published meanwhile (the merge is made with it)
 * @param theirsName     who saved it
 * @param theirsWhen     when, in words
 * @param mergedTitle    the title when it needs no choice; null when both changed it differently
 * @param choices        the choices already made (conflict number or "title" -> "mine"/"theirs"), when the
 *                       screen comes back with an error
 * @param error          what is missing, announced; null at first
 */
public record ConflictView(String edition, String slug, long base, long draftRevision, ChapterText theirs, String theirsName, String theirsWhen,
                           String mineTitle, String mineBody, String mergedTitle, Result merge, SideBySide sides,
                           Map<String, String> choices, String error) {

    public String path() {
        return "/studio/" + edition + "/chapitres/" + slug;
    }

    public boolean titleConflict() {
        return mergedTitle == null;
    }

    public List<Part> parts() {
        return merge.parts();
    }

    public int conflictCount() {
        return merge.conflicts().size() + (titleConflict() ? 1 : 0);
    }

    public boolean chose(String key, String side) {
        return side.equals(choices.get(key));
    }
}
