package org.reportplatform.render.accessibility;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.render.accessibility.AccessibilityReview.Text;
import org.reportplatform.render.ops.Operators;
import org.reportplatform.schemas.AccessibilityFindings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The accessibility findings the render service published, for the studio and the operators.
 * A chapter's (and its translations') findings are for anyone signed in, as its text is; a
 * draft's are not routed by the gateway: the studio asks for them after content-service said the
 * caller may read the draft.
 */
@RestController
public class AccessibilityController {

    private final AccessibilityReview review;

    public AccessibilityController(AccessibilityReview review) {
        this.review = review;
    }

    /** One text's findings in JSON. */
    public record Findings(long sourceRevision, List<Finding> findings) {
        static Findings of(AccessibilityFindings published) {
            return new Findings(published.getSourceRevision(), published.getFindings().stream()
                    .map(f -> new Finding(f.getRule(), f.getMessage(), f.getExcerpt(), f.getLine())).toList());
        }
    }

    public record Finding(String rule, String message, String excerpt, int line) {
    }

    /** A chapter's findings: its own text (null until checked) and each translation's, by language. */
    public record ChapterFindings(String edition, String slug, Findings chapter, Map<String, Findings> translations) {
    }

    @GetMapping("/api/editions/{edition}/chapters/{slug}/accessibility")
    public ChapterFindings chapter(Caller caller, @PathVariable String edition, @PathVariable String slug) {
        Map<String, Findings> translations = new TreeMap<>();
        review.translationsOf(edition, slug).forEach((language, findings) -> translations.put(language, Findings.of(findings)));
        return new ChapterFindings(edition, slug, review.of(new Text(edition, slug, null, false)).map(Findings::of).orElse(null),
                translations);
    }

    @GetMapping("/api/editions/{edition}/chapters/{slug}/accessibility/draft")
    public Findings draft(Caller caller, @PathVariable String edition, @PathVariable String slug) {
        return review.of(new Text(edition, slug, null, true)).map(Findings::of)
                .orElseThrow(() -> ApiException.notFound("no open draft of " + edition + "/" + slug + " was checked"));
    }

    /** For the operations dashboard: the published texts' findings by edition and rule (OPERATOR or ADMIN). */
    @GetMapping("/api/ops/accessibility")
    public Map<String, Map<String, Integer>> counts(Caller caller) {
        Operators.require(caller, "the accessibility counts");
        return review.counts();
    }
}
