package org.reportplatform.gateway.studio;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The studio's settings ({@code report.gateway.studio}).
 *
 * @param editions the editions the studio offers, oldest first; the last one is the current
 *                 edition, the one {@code /studio} opens. The services have no list of editions
 *                 (an edition exists once a chapter names it), so the studio is told.
 * @param zone     the time zone the studio's dates are shown in
 * @param historyPageSize how many revisions a history page lists (the API's {@code limit})
 */
@ConfigurationProperties("report.gateway.studio")
public record StudioProperties(@DefaultValue("2024") List<String> editions, @DefaultValue("Europe/Zurich") ZoneId zone,
        @DefaultValue("50") int historyPageSize) {

    public StudioProperties {
        editions = editions == null || editions.isEmpty() ? List.of("2024") : List.copyOf(editions);
        if (historyPageSize < 1 || historyPageSize > 1000) {
            throw new IllegalArgumentException("report.gateway.studio.history-page-size must be 1 to 1000 (the API's limit), got "
                    + historyPageSize);
        }
    }

    /** The edition {@code /studio} opens: the newest one. */
    public String currentEdition() {
        return editions.get(editions.size() - 1);
    }

    public boolean offers(String edition) {
        return editions.contains(edition);
    }
}
