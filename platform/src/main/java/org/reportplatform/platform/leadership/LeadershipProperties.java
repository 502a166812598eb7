package org.reportplatform.platform.leadership;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the instances of a writer service elect the one that writes ({@link WriterLeadership}).
 *
 * @param enabled           false: every instance writes from start on, as a lone writer did before
 *                          (two instances would then fence each other at each write)
 * @param sessionTimeout    how long the group waits for a silent member (a killed process) before
 *                          the standby takes over; Kafka refuses less than the broker's
 *                          {@code group.min.session.timeout.ms} (6 s by default)
 * @param heartbeatInterval how often a member tells the group it is alive (a third of the session timeout or less)
 * @param firstDecisionWait how long start-up waits for the group's first answer (active or standby)
 *                          before the web server opens anyway, as a standby until the group decides
 */
@ConfigurationProperties("report.leadership")
public record LeadershipProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("6s") Duration sessionTimeout,
        @DefaultValue("1s") Duration heartbeatInterval,
        @DefaultValue("15s") Duration firstDecisionWait) {
}
