package org.reportplatform.gateway.ops;

import java.time.Instant;

/**
 * One service as the dashboard sees it.
 *
 * @param name       {@code gateway}, {@code content-service}, {@code figures-service}, {@code render-service}
 * @param url        where the gateway reaches it (null for the gateway itself)
 * @param state      {@code UP}, {@code DOWN}, {@code OUT_OF_SERVICE}, {@code UNKNOWN} (its health's status),
 *                   or {@code UNREACHABLE} (no answer within the check timeout)
 * @param ready      its readiness ({@code /actuator/health/readiness} is UP), or null when unknown
 * @param version    {@code build.version} of its {@code /actuator/info}, or null
 * @param builtAt    {@code build.time}, or null
 * @param responseMs how long its health took to answer, or null
 * @param detail     why it is not UP, when known
 */
public record ServiceStatus(String name, String url, String state, Boolean ready, String version, Instant builtAt,
        Long responseMs, String detail) {

    public static final String UNREACHABLE = "UNREACHABLE";
}
