package org.reportplatform.content.editions;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.platform.accessibility.AccessibilityChecker;
import org.reportplatform.platform.accessibility.AccessibilityFinding;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.editions.ClosedEditions;
import org.reportplatform.platform.editions.Edition;
import org.springframework.http.HttpStatus;

/**
 * What the other writers of content-service ask about an edition before they change something
 * in it: whether it exists and in which languages ({@link #edition}), and whether it may still be
 * changed ({@link #checkWritable}: a closed edition is corrected only by an erratum), and whether a
 * text may be published there as it is ({@link #accessibilityRefusal}: an edition can make the
 * accessibility checker's findings blocking).
 *
 * <p>An edition is known from its own events (report.editions.v1) or, for data written before
 * editions had events, from its chapters alone: then it is published, in its chapters' language
 * ({@link Edition#implicit}).
 */
public class EditionGuard {

    private final EditionBook editions;
    private final ChapterBook chapters;
    private final AccessibilityChecker accessibility = new AccessibilityChecker();

    public EditionGuard(EditionBook editions, ChapterBook chapters) {
        this.editions = editions;
        this.chapters = chapters;
    }

    /** The edition as it is now; empty if it has neither an event of its own nor a chapter. */
    public Optional<Edition> edition(String edition) {
        Optional<Edition> own = editions.current(null, edition);
        if (own.isPresent() || editions.latest(null, edition).isPresent()) {
            return own;
        }
        return chapters.chapters(edition).stream().findFirst().map(first -> Edition.implicit(edition, first.language()));
    }

    /** 409 if the edition is closed: every change to its chapters, translations and drafts is refused. */
    public void checkWritable(String edition) {
        ClosedEditions.checkWritable(edition, edition(edition));
    }

    /**
     * The 422 refusing to publish {@code body} in {@code edition} because the edition makes
     * accessibility findings blocking and the text has some, one error per finding (field
     * {@code body}); null when it may be published (not blocking, or nothing found).
     */
    public ApiException accessibilityRefusal(String edition, String body) {
        if (body == null || edition(edition).filter(Edition::accessibilityBlocking).isEmpty()) {
            return null;
        }
        List<AccessibilityFinding> findings = accessibility.check(body);
        if (findings.isEmpty()) {
            return null;
        }
        List<ApiException.FieldProblem> problems = findings.stream()
                .map(f -> new ApiException.FieldProblem("body", "ligne " + f.line() + " (" + f.rule() + ") : " + f.message()))
                .toList();
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "edition " + edition + " refuses texts with accessibility findings: "
                + findings.size() + " to fix before publishing", problems, java.util.Map.of());
    }

    /** 422 if {@link #accessibilityRefusal} refuses the text. */
    public void checkAccessible(String edition, String body) {
        ApiException refusal = accessibilityRefusal(edition, body);
        if (refusal != null) {
            throw refusal;
        }
    }

    /** Every edition, newest first: those with events of their own and those known only from their chapters. */
    public List<Edition> all() {
        TreeSet<String> years = new TreeSet<>(Comparator.reverseOrder());
        editions.list(null).forEach(e -> years.add(e.edition()));
        chapters.editions().forEach(years::add);
        List<Edition> all = new ArrayList<>();
        for (String year : years) {
            edition(year).ifPresent(all::add);
        }
        return all;
    }

    /** The 404 of an edition that does not exist. */
    public org.reportplatform.platform.errors.ApiException notFound(String edition) {
        return editions.notFound(null, edition);
    }
}
