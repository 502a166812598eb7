package org.reportplatform.content.chapters;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Limits on chapters ({@code report.chapters.*}). */
@ConfigurationProperties("report.chapters")
public record ChapterProperties(
        @DefaultValue("200") int maxTitleLength,
        @DefaultValue("100000") int maxBodyLength,
        @DefaultValue("80") int maxSlugLength,
        @DefaultValue("fr") String defaultLanguage) {
}
