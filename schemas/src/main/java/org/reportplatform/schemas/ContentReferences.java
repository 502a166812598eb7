package org.reportplatform.schemas;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The references a chapter body makes to the figures of its edition: {@code {{fig:ID}}} stands
 * for indicator ID, {@code {{chart:ID}}} for a chart of dataset ID. The render service resolves
 * them and content-service warns about the ones that name nothing; both read them here, so an
 * author's reference means the same to both. The id is taken as written, surrounding blanks
 * stripped; an id that is not a valid {@link ReportIds#isSourceId source id} (empty included)
 * simply names nothing.
 */
public final class ContentReferences {

    /** What a reference stands for. */
    public enum Kind {
        /** {@code {{fig:ID}}}: the value of indicator ID. */
        FIGURE,
        /** {@code {{chart:ID}}}: a chart of dataset ID. */
        CHART
    }

    /** One reference in a text: what it names, and where it stands ({@code start} inclusive, {@code end} exclusive). */
    public record Reference(Kind kind, String id, int start, int end) {
    }

    private static final String ID = "([^{}]*)";
    private static final Pattern REFERENCE = Pattern.compile("\\{\\{(fig|chart):" + ID + "\\}\\}");
    private static final Pattern CHART_ALONE = Pattern.compile("\\s*\\{\\{chart:" + ID + "\\}\\}\\s*");

    private ContentReferences() {
    }

    /** Every reference of {@code text}, in order; none for null. */
    public static List<Reference> in(String text) {
        if (text == null || !text.contains("{{")) {
            return List.of();
        }
        List<Reference> references = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        while (m.find()) {
            Kind kind = m.group(1).equals("fig") ? Kind.FIGURE : Kind.CHART;
            references.add(new Reference(kind, m.group(2).strip(), m.start(), m.end()));
        }
        return references;
    }

    /**
     * The dataset id of a text that is one {@code {{chart:ID}}} and nothing else but blanks
     * around it: a chart that stands on its own line.
     */
    public static Optional<String> chartAlone(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = CHART_ALONE.matcher(text);
        return m.matches() ? Optional.of(m.group(1).strip()) : Optional.empty();
    }
}
