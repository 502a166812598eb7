package org.reportplatform.platform.scheduling;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * What time it is for scheduled publications. In production, the system clock. For tests and
 * rehearsals ({@code report.scheduling.clock-file}, refused in the prod profile), the instant
 * written in a file, read at each call: a test moves the time of every service at once by
 * rewriting the file, and the time stays where it was across a restart, so "the content service
 * restarted before the time" and "the time passed while it was down" are both a file write away.
 */
public interface PublicationClock {

    Instant now();

    static PublicationClock system() {
        Clock clock = Clock.systemUTC();
        return clock::instant;
    }

    /** The instant in {@code file} (ISO-8601, e.g. {@code 2025-06-26T07:00:00Z}); the system clock while the file does not exist. */
    static PublicationClock fromFile(Path file) {
        return () -> {
            try {
                return Instant.parse(Files.readString(file, StandardCharsets.UTF_8).strip());
            } catch (NoSuchFileException e) {
                return Instant.now();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the clock file " + file, e);
            } catch (DateTimeParseException e) {
                throw new IllegalStateException("the clock file " + file + " does not hold an ISO instant", e);
            }
        };
    }
}
