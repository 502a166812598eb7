package org.reportplatform.platform.leadership;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The health contributor {@code writer}: whether this instance is the active writer or a standby
 * (both are up: a standby is healthy, it serves reads and is ready to take over), the group, and
 * how long the last take-over took.
 */
public final class WriterRoleHealthIndicator implements HealthIndicator {

    private final WriterLeadership leadership;

    public WriterRoleHealthIndicator(WriterLeadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public Health health() {
        return Health.up()
                .withDetail("role", leadership.role().name().toLowerCase(java.util.Locale.ROOT))
                .withDetail("group", leadership.group())
                .withDetail("lastTakeOverMillis", leadership.lastTakeOverMillis())
                .build();
    }
}
