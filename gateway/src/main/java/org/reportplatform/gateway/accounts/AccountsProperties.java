package org.reportplatform.gateway.accounts;

import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The account pages' settings ({@code report.gateway.accounts}).
 *
 * @param teams the programme teams an admin may put a person in (the chapters' owner teams). The
 *              gateway does not read chapters, so the list is configured; teams that accounts
 *              already have are offered too, so editing a person never drops a team.
 * @param zone  the time zone dates are shown in
 */
@ConfigurationProperties("report.gateway.accounts")
public record AccountsProperties(@DefaultValue List<String> teams, @DefaultValue("Europe/Zurich") ZoneId zone) {

    public AccountsProperties {
        teams = teams == null ? List.of() : List.copyOf(teams);
    }
}
