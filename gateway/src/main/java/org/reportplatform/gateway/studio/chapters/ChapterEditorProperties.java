package org.reportplatform.gateway.studio.chapters;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chapter editor's settings ({@code report.gateway.studio.editor}); the editions and the time
 * zone are the studio's ({@code report.gateway.studio}).
 *
 * @param pickerLimit how many key figures and how many charts the picker lists for a search
 */
@ConfigurationProperties("report.gateway.studio.editor")
public record ChapterEditorProperties(@DefaultValue("20") int pickerLimit) {
}
