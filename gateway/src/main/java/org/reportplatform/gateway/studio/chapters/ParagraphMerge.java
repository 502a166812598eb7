package org.reportplatform.gateway.studio.chapters;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A three-way merge of two versions of a chapter's text by paragraph (blocks separated by blank
 * lines), from the revision both started from: a paragraph changed on one side only is taken from
 * that side, the same change made on both sides is taken once, and a paragraph changed differently
 * on both sides is a {@link Part.Conflict} the person settles. Nothing here picks a side on its own
 * where both sides changed the same place, so nobody's text is dropped silently.
 *
 * <p>The paragraph sequences are compared with java-diff-utils (Myers), like the revisions' diffs.
 */
public final class ParagraphMerge {

    private static final Pattern BLANK_LINES = Pattern.compile("\\n[ \\t]*\\n\\s*");

    private ParagraphMerge() {
    }

    /** Which version a paragraph comes from. */
    public enum Side { BOTH, MINE, THEIRS }

    /** One stretch of the merged text. */
    public sealed interface Part {

        /** Paragraphs decided without asking: unchanged, changed on one side, or changed alike on both. */
        record Settled(List<String> paragraphs, Side from) implements Part {
        }

        /** A stretch both sides changed differently: the person keeps {@code mine} or {@code theirs}. */
        record Conflict(int number, List<String> base, List<String> mine, List<String> theirs) implements Part {
        }
    }

    /** The merge: its parts in text order, and how many of them are conflicts. */
    public record Result(List<Part> parts) {

        public List<Part.Conflict> conflicts() {
            return parts.stream().filter(Part.Conflict.class::isInstance).map(Part.Conflict.class::cast).toList();
        }

        public boolean clean() {
            return conflicts().isEmpty();
        }

        /**
         * The merged text with each conflict settled as {@code choice} says (conflict number -> side,
         * {@link Side#MINE} or {@link Side#THEIRS}); a conflict without a choice is an error.
         */
        public String text(java.util.function.IntFunction<Side> choice) {
            List<String> paragraphs = new ArrayList<>();
            for (Part part : parts) {
                if (part instanceof Part.Settled settled) {
                    paragraphs.addAll(settled.paragraphs());
                } else if (part instanceof Part.Conflict conflict) {
                    Side side = choice.apply(conflict.number());
                    if (side == Side.MINE) {
                        paragraphs.addAll(conflict.mine());
                    } else if (side == Side.THEIRS) {
                        paragraphs.addAll(conflict.theirs());
                    } else {
                        throw new IllegalArgumentException("no choice for conflict " + conflict.number());
                    }
                }
            }
            return join(paragraphs);
        }
    }

    /** Merges {@code mine} and {@code theirs}, both made from {@code base}. Null texts are empty. */
    public static Result merge(String base, String mine, String theirs) {
        List<String> original = paragraphs(base);
        List<Change> changes = new ArrayList<>();
        changes.addAll(changes(original, paragraphs(mine), Side.MINE));
        changes.addAll(changes(original, paragraphs(theirs), Side.THEIRS));
        changes.sort(Comparator.comparingInt(Change::start).thenComparingInt(Change::end));

        List<Part> parts = new ArrayList<>();
        int position = 0;
        int conflicts = 0;
        int i = 0;
        while (i < changes.size()) {
            List<Change> group = new ArrayList<>(List.of(changes.get(i)));
            int start = changes.get(i).start();
            int end = changes.get(i).end();
            i++;
            while (i < changes.size() && overlaps(group, end, changes.get(i))) {
                end = Math.max(end, changes.get(i).end());
                group.add(changes.get(i));
                i++;
            }
            settled(parts, original.subList(position, start), Side.BOTH);
            List<String> before = original.subList(start, end);
            List<String> mineVersion = version(original, start, end, group, Side.MINE);
            List<String> theirsVersion = version(original, start, end, group, Side.THEIRS);
            boolean mineChanged = group.stream().anyMatch(change -> change.side() == Side.MINE);
            boolean theirsChanged = group.stream().anyMatch(change -> change.side() == Side.THEIRS);
            if (mineVersion.equals(theirsVersion)) {
                settled(parts, mineVersion, Side.BOTH);
            } else if (!theirsChanged) {
                settled(parts, mineVersion, Side.MINE);
            } else if (!mineChanged) {
                settled(parts, theirsVersion, Side.THEIRS);
            } else {
                conflicts++;
                parts.add(new Part.Conflict(conflicts, List.copyOf(before), mineVersion, theirsVersion));
            }
            position = end;
        }
        settled(parts, original.subList(position, original.size()), Side.BOTH);
        return new Result(List.copyOf(parts));
    }

    /**
     * A one-line field (the title) merged the same way: the side that changed it, the change both
     * made alike, or empty when both changed it differently (the person chooses).
     */
    public static java.util.Optional<String> line(String base, String mine, String theirs) {
        if (java.util.Objects.equals(mine, theirs) || java.util.Objects.equals(theirs, base)) {
            return java.util.Optional.ofNullable(mine);
        }
        if (java.util.Objects.equals(mine, base)) {
            return java.util.Optional.ofNullable(theirs);
        }
        return java.util.Optional.empty();
    }

    /**
     * The paragraphs of a text: blocks separated by one or more blank lines, each without its
     * surrounding blank lines (line ends normalised to {@code \n}); an empty text has none.
     */
    public static List<String> paragraphs(String text) {
        if (text == null) {
            return List.of();
        }
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n').strip();
        if (normalised.isEmpty()) {
            return List.of();
        }
        List<String> paragraphs = new ArrayList<>();
        for (String paragraph : BLANK_LINES.split(normalised)) {
            paragraphs.add(paragraph.stripTrailing());
        }
        return List.copyOf(paragraphs);
    }

    /** Paragraphs back into a text: one blank line between two, a newline at the end. */
    public static String join(List<String> paragraphs) {
        return paragraphs.isEmpty() ? "" : String.join("\n\n", paragraphs) + "\n";
    }

    /** One side's change: base paragraphs [start, end) replaced by {@code lines}. */
    private record Change(Side side, int start, int end, List<String> lines) {

        boolean insertion() {
            return start == end;
        }
    }

    private static List<Change> changes(List<String> base, List<String> changed, Side side) {
        List<Change> changes = new ArrayList<>();
        for (AbstractDelta<String> delta : DiffUtils.diff(base, changed).getDeltas()) {
            int start = delta.getSource().getPosition();
            List<String> lines = delta.getTarget().getLines();
            if (lines.size() == delta.getSource().size()) {
                // n paragraphs rewritten as n: each its own change, so the other side's edit of a
                // neighbour in the same stretch does not make the whole stretch a conflict.
                for (int i = 0; i < lines.size(); i++) {
                    changes.add(new Change(side, start + i, start + i + 1, List.of(lines.get(i))));
                }
            } else {
                changes.add(new Change(side, start, start + delta.getSource().size(), List.copyOf(lines)));
            }
        }
        return changes;
    }

    /**
     * Whether {@code next} (sorted after the group's changes) touches the same place: it starts
     * inside the group's range, or both sides insert at the same point. Changes to neighbouring
     * paragraphs, and an insertion next to a paragraph the other side changed, do not: their
     * order in the text is clear.
     */
    private static boolean overlaps(List<Change> group, int end, Change next) {
        if (next.start() < end) {
            return true;
        }
        return next.insertion() && next.start() == end
                && group.stream().anyMatch(change -> change.insertion() && change.start() == next.start() && change.side() != next.side());
    }

    /** The group's stretch of base [start, end) as one side made it: its changes applied, the rest as in base. */
    private static List<String> version(List<String> base, int start, int end, List<Change> group, Side side) {
        List<String> result = new ArrayList<>();
        int position = start;
        for (Change change : group) {
            if (change.side() != side) {
                continue;
            }
            result.addAll(base.subList(position, change.start()));
            result.addAll(change.lines());
            position = change.end();
        }
        result.addAll(base.subList(position, end));
        return List.copyOf(result);
    }

    private static void settled(List<Part> parts, List<String> paragraphs, Side from) {
        if (paragraphs.isEmpty()) {
            return;
        }
        // Neighbouring unchanged stretches read as one.
        if (from == Side.BOTH && !parts.isEmpty() && parts.get(parts.size() - 1) instanceof Part.Settled last && last.from() == Side.BOTH) {
            List<String> joined = new ArrayList<>(last.paragraphs());
            joined.addAll(paragraphs);
            parts.set(parts.size() - 1, new Part.Settled(List.copyOf(joined), Side.BOTH));
            return;
        }
        parts.add(new Part.Settled(List.copyOf(paragraphs), from));
    }
}
