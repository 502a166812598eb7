package org.reportplatform.gateway.studio.history;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.reportplatform.gateway.studio.StudioLabels;

/**
 * What changed between two revisions, as the studio shows it: the fields that differ (in French)
 * and, per text field, its lines as a unified diff reads them (kept, added, removed, and where in
 * the text each part is).
 *
 * @param from, to      the revisions compared
 * @param changed       the French names of the fields that differ
 * @param fromDeleted, toDeleted whether a revision is a deletion (no content)
 * @param sections      one per field whose text differs
 */
public record Comparison(long from, long to, List<String> changed, boolean fromDeleted, boolean toDeleted, List<Section> sections) {

    /** One field's differences. */
    public record Section(String field, String label, List<Line> lines) {
    }

    public enum Kind { KEPT, ADDED, REMOVED, PLACE }

    /** A line of a diff; a {@code PLACE} line says where the next lines are (« À partir de la ligne 3 »). */
    public record Line(Kind kind, String text) {

        public boolean added() {
            return kind == Kind.ADDED;
        }

        public boolean removed() {
            return kind == Kind.REMOVED;
        }

        public boolean place() {
            return kind == Kind.PLACE;
        }
    }

    private static final Pattern HEADER = Pattern.compile("^--- (\\S+)(?: .*)?$");
    private static final Pattern HUNK = Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@.*$");

    public boolean identical() {
        return sections.isEmpty();
    }

    /**
     * The sections of a unified diff with one {@code --- field ...}/{@code +++ field ...} header
     * per field (the API's {@code diff}, {@code TextDiff}'s output).
     */
    public static List<Section> sections(String unifiedDiff) {
        List<Section> sections = new ArrayList<>();
        if (unifiedDiff == null || unifiedDiff.isEmpty()) {
            return sections;
        }
        String field = null;
        List<Line> lines = null;
        // Lines left in the current hunk (old side, new side): inside a hunk, a line is content even
        // when it looks like a header (a removed line "-- x" reads "--- x").
        long oldLeft = 0;
        long newLeft = 0;
        for (String line : unifiedDiff.split("\n", -1)) {
            if (oldLeft > 0 || newLeft > 0) {
                if (line.startsWith("+")) {
                    lines.add(new Line(Kind.ADDED, line.substring(1)));
                    newLeft--;
                } else if (line.startsWith("-")) {
                    lines.add(new Line(Kind.REMOVED, line.substring(1)));
                    oldLeft--;
                } else {
                    lines.add(new Line(Kind.KEPT, line.isEmpty() ? "" : line.substring(1)));
                    oldLeft--;
                    newLeft--;
                }
                continue;
            }
            Matcher header = HEADER.matcher(line);
            if (header.matches()) {
                if (field != null) {
                    sections.add(new Section(field, StudioLabels.field(field), List.copyOf(lines)));
                }
                field = header.group(1);
                lines = new ArrayList<>();
                continue;
            }
            Matcher hunk = HUNK.matcher(line);
            if (lines != null && hunk.matches()) {
                oldLeft = hunk.group(2) == null ? 1 : Long.parseLong(hunk.group(2));
                newLeft = hunk.group(4) == null ? 1 : Long.parseLong(hunk.group(4));
                lines.add(new Line(Kind.PLACE, "À partir de la ligne " + Math.max(1, Long.parseLong(hunk.group(3)))));
            }
        }
        if (field != null) {
            sections.add(new Section(field, StudioLabels.field(field), List.copyOf(lines)));
        }
        return sections;
    }
}
