package org.reportplatform.platform.revisions;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Line-based unified diffs of texts (java-diff-utils, Myers' algorithm). */
public final class TextDiff {

    /** Lines of context around each change, as {@code diff -u} shows them. */
    public static final int DEFAULT_CONTEXT = 3;

    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@$");

    private TextDiff() {
    }

    /**
     * The unified diff turning {@code before} into {@code after}, with {@code ---}/{@code +++}
     * headers naming both; the empty string when the texts have the same lines. A null text is an
     * empty one. Every line of the result ends with a newline.
     */
    public static String unified(String fromName, String toName, String before, String after, int context) {
        List<String> original = lines(before);
        List<String> revised = lines(after);
        Patch<String> patch = DiffUtils.diff(original, revised);
        if (patch.getDeltas().isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (String line : UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, original, patch, context)) {
            out.append(normalizedHunkHeader(line)).append('\n');
        }
        return out.toString();
    }

    /** The lines of a text; a final newline does not start another line. */
    static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : text.lines().toList();
    }

    /**
     * An empty range starts at the line before it, as GNU diff writes it ({@code @@ -0,0 +1,4 @@}
     * for a text that was empty); java-diff-utils writes the line after.
     */
    private static String normalizedHunkHeader(String line) {
        Matcher hunk = HUNK.matcher(line);
        if (!hunk.matches()) {
            return line;
        }
        long fromStart = Long.parseLong(hunk.group(1));
        long fromCount = Long.parseLong(hunk.group(2));
        long toStart = Long.parseLong(hunk.group(3));
        long toCount = Long.parseLong(hunk.group(4));
        return "@@ -" + (fromCount == 0 ? fromStart - 1 : fromStart) + "," + fromCount
                + " +" + (toCount == 0 ? toStart - 1 : toStart) + "," + toCount + " @@";
    }
}
