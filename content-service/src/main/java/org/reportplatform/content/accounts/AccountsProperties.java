package org.reportplatform.content.accounts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code report.accounts.*}.
 *
 * @param invitationValidity how long an invitation (or password reset) link may be used: 72 h by default
 */
@ConfigurationProperties("report.accounts")
public record AccountsProperties(Duration invitationValidity) {

    public AccountsProperties {
        invitationValidity = invitationValidity == null ? Duration.ofHours(72) : invitationValidity;
    }
}
