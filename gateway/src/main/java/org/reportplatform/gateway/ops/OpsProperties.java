package org.reportplatform.gateway.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operations dashboard ({@code /ops}, {@code /api/ops/pipeline}).
 *
 * @param checkTimeout how long one look at a service ({@code /actuator/health}, {@code /actuator/info})
 *                     or one Kafka admin call may take before the dashboard says "unreachable"
 * @param rebuilds     how many of the latest rebuild notices {@code /api/ops/pipeline} returns
 * @param events       how many of the latest source events (chapters, indicators, datasets) it returns
 */
@ConfigurationProperties("report.gateway.ops")
public record OpsProperties(
        @DefaultValue("2s") Duration checkTimeout,
        @DefaultValue("50") int rebuilds,
        @DefaultValue("20") int events) {

    public OpsProperties {
        if (checkTimeout == null || checkTimeout.isNegative() || checkTimeout.isZero()) {
            throw new IllegalArgumentException("report.gateway.ops.check-timeout must be positive, got " + checkTimeout);
        }
        if (rebuilds < 1 || events < 1) {
            throw new IllegalArgumentException("report.gateway.ops.rebuilds and events must be at least 1, got " + rebuilds + ", " + events);
        }
    }
}
