package org.reportplatform.render.sharing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Several render service instances sharing the outputs ({@code report.render.sharing.*}).
 *
 * @param instanceId     this instance's name, stable across its restarts and unique among the
 *                       instances (e.g. {@code a}, {@code b}); empty (the default): the instance
 *                       renders every output alone and joins no ownership group, as one instance
 *                       always did. Its source listener's group is {@code <report.render.group-id>-<instanceId>}:
 *                       every instance reads every source event, its lag its own
 * @param groupId        the consumer group on {@code report.render-ownership.v1} whose assignment
 *                       decides which instance renders which output
 * @param sessionTimeout how long the group waits for a silent instance before giving its outputs to
 *                       the others: the takeover time after a crash. 6 s is the least a broker
 *                       accepts by default ({@code group.min.session.timeout.ms}); an instance
 *                       that stops cleanly leaves the group at once
 */
@ConfigurationProperties("report.render.sharing")
public record SharingProperties(
        @DefaultValue("") String instanceId,
        @DefaultValue("render-service-owners") String groupId,
        @DefaultValue("6s") Duration sessionTimeout) {

    public boolean enabled() {
        return !instanceId.isBlank();
    }

    /** The source listener's consumer group: {@code base} alone, or one per instance when they share. */
    public String listenerGroup(String base) {
        return enabled() ? base + "-" + instanceId : base;
    }
}
