package org.reportplatform.platform.scheduling;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code report.scheduling.*}: how often due publications are looked for, and (tests and
 * rehearsals only) a file holding the time instead of the system clock.
 *
 * @param tick      how often the scheduler compares the clock with the next due time; a publication
 *                  goes out at most this long after its time (plus the write itself)
 * @param clockFile when set, {@link PublicationClock#fromFile}; refused in the prod profile
 */
@ConfigurationProperties("report.scheduling")
public record SchedulingProperties(@DefaultValue("200ms") Duration tick, Path clockFile) {
}
