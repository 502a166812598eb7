package org.reportplatform.content.drafts;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code report.drafts.*}.
 *
 * @param reviewRequiredEditions the editions whose chapters change only through a draft a reviewer
 *                               approved: a team's direct edit of title or body is refused (409), and
 *                               a draft is published only once approved. Admins may still edit directly.
 */
@ConfigurationProperties("report.drafts")
public record DraftsProperties(@DefaultValue List<String> reviewRequiredEditions) {

    public DraftsProperties {
        reviewRequiredEditions = List.copyOf(reviewRequiredEditions);
    }

    public boolean reviewRequired(String edition) {
        return reviewRequiredEditions.contains(edition);
    }
}
