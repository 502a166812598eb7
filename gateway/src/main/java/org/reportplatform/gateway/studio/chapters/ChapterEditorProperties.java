package org.reportplatform.gateway.studio.chapters;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The chapter editor's settings ({@code report.gateway.studio.editor}).
 *
 * @param zone         the time zone the editor's dates are shown in ("enregistrée le … à 18:20")
 * @param pickerLimit  how many key figures and how many charts the picker lists for a search
 */
@ConfigurationProperties("report.gateway.studio.editor")
public record ChapterEditorProperties(@DefaultValue("Europe/Zurich") ZoneId zone, @DefaultValue("20") int pickerLimit) {
}
