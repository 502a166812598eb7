package org.reportplatform.gateway.studio.chapters;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.List;

/**
 * Two versions of a text side by side, each paragraph marked when the other version does not have
 * it as such (java-diff-utils over the paragraphs, as the merge compares them).
 */
public record SideBySide(List<Paragraph> mine, List<Paragraph> theirs) {

    /** A paragraph of one version; {@code differs} when the other version has no identical paragraph in its place. */
    public record Paragraph(String text, boolean differs) {
    }

    static SideBySide of(String mine, String theirs) {
        List<String> left = ParagraphMerge.paragraphs(mine);
        List<String> right = ParagraphMerge.paragraphs(theirs);
        boolean[] leftDiffers = new boolean[left.size()];
        boolean[] rightDiffers = new boolean[right.size()];
        for (AbstractDelta<String> delta : DiffUtils.diff(left, right).getDeltas()) {
            for (int i = 0; i < delta.getSource().size(); i++) {
                leftDiffers[delta.getSource().getPosition() + i] = true;
            }
            for (int i = 0; i < delta.getTarget().size(); i++) {
                rightDiffers[delta.getTarget().getPosition() + i] = true;
            }
        }
        return new SideBySide(marked(left, leftDiffers), marked(right, rightDiffers));
    }

    private static List<Paragraph> marked(List<String> paragraphs, boolean[] differs) {
        List<Paragraph> marked = new ArrayList<>();
        for (int i = 0; i < paragraphs.size(); i++) {
            marked.add(new Paragraph(paragraphs.get(i), differs[i]));
        }
        return List.copyOf(marked);
    }
}
