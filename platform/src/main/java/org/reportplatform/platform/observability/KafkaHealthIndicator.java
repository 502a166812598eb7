package org.reportplatform.platform.observability;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.apache.kafka.common.Node;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether the Kafka cluster answers: {@code describeCluster} within a short timeout. Part of the
 * readiness group (a service that cannot reach Kafka cannot take writes nor follow the log), never
 * of liveness (restarting a service does not bring Kafka back).
 *
 * <p>The answer is cached for a few seconds: probes, dashboards and Prometheus may ask often, and
 * Kafka is asked at most once per period.
 */
public final class KafkaHealthIndicator implements HealthIndicator {

    private final Admin admin;
    private final Duration timeout;
    private final Duration cacheFor;
    private volatile Checked last;

    private record Checked(long atNanos, Health health) {
    }

    public KafkaHealthIndicator(Admin admin, Duration timeout, Duration cacheFor) {
        this.admin = admin;
        this.timeout = timeout;
        this.cacheFor = cacheFor;
    }

    @Override
    public Health health() {
        Checked checked = last;
        if (checked != null && System.nanoTime() - checked.atNanos() < cacheFor.toNanos()) {
            return checked.health();
        }
        synchronized (this) {
            checked = last;
            if (checked == null || System.nanoTime() - checked.atNanos() >= cacheFor.toNanos()) {
                checked = new Checked(System.nanoTime(), check());
                last = checked;
            }
            return checked.health();
        }
    }

    private Health check() {
        long started = System.nanoTime();
        try {
            DescribeClusterResult cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
            String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            Collection<Node> nodes = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return Health.up()
                    .withDetail("clusterId", clusterId)
                    .withDetail("brokers", nodes.size())
                    .withDetail("responseMs", (System.nanoTime() - started) / 1_000_000)
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("error", "interrupted").build();
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            return Health.down()
                    .withDetail("error", cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()))
                    .withDetail("timeoutMs", timeout.toMillis())
                    .build();
        }
    }
}
