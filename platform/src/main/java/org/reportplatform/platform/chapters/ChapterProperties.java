package org.reportplatform.platform.chapters;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on chapters ({@code report.chapters.*}): content-service refuses a write beyond them and
 * render-service a preview, so both read the same properties.
 *
 * @param defaultLanguage the language of a chapter created without one, and of a preview of a new
 *                        chapter in an edition that has none yet
 */
@ConfigurationProperties("report.chapters")
public record ChapterProperties(
        @DefaultValue("200") int maxTitleLength,
        @DefaultValue("100000") int maxBodyLength,
        @DefaultValue("80") int maxSlugLength,
        @DefaultValue("fr") String defaultLanguage) {
}
