package org.reportplatform.platform.scheduling;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Map;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.errors.FieldProblems;
import org.springframework.http.HttpStatus;

/**
 * Reads the time a person asks to publish at: an ISO local date-time and an IANA zone
 * ({@code "2025-06-26T09:00"}, {@code "Europe/Zurich"}), or an offset date-time
 * ({@code "2025-06-26T09:00+02:00"}, the zone then only says how to show it back).
 *
 * <p>A local time the zone skips (the spring change: 02:30 on 2025-03-30 in Europe/Zurich) or
 * passes twice (the autumn change: 02:30 on 2025-10-26) is refused rather than guessed, with a
 * message naming the two instants it could mean, each as an offset date-time to send instead.
 * Schedulers that guess shift a publication by an hour; the person knows which one they meant.
 */
public final class PublicationTimes {

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private PublicationTimes() {
    }

    /** The instant to publish at; a 400 naming {@code at} or {@code timeZone} if it is missing, unreadable, skipped, repeated or not after {@code now}. */
    public static PublicationTime resolve(String at, String timeZone, Instant now) {
        FieldProblems problems = new FieldProblems();
        if (at == null || at.isBlank()) {
            problems.add("at", "is required: the local date-time to publish at, e.g. 2025-06-26T09:00");
        }
        if (timeZone == null || timeZone.isBlank()) {
            problems.add("timeZone", "is required: an IANA time zone, e.g. Europe/Zurich");
        }
        problems.throwIfAny();
        ZoneId zone = zone(timeZone);
        PublicationTime time = at.length() > 16 && hasOffset(at) ? withOffset(at, zone) : local(at, zone);
        if (!time.at().isAfter(now)) {
            throw ApiException.badRequest("at", time.localDateTime() + " in " + zone.getId()
                    + " is not in the future: publish now instead, or choose a later time");
        }
        return time;
    }

    private static ZoneId zone(String timeZone) {
        try {
            return ZoneId.of(timeZone.strip());
        } catch (DateTimeException e) {
            throw ApiException.badRequest("timeZone", "'" + timeZone + "' is not an IANA time zone; e.g. Europe/Zurich");
        }
    }

    private static boolean hasOffset(String at) {
        String tail = at.substring(16);
        return tail.contains("+") || tail.contains("-") || tail.endsWith("Z");
    }

    private static PublicationTime withOffset(String at, ZoneId zone) {
        try {
            OffsetDateTime time = OffsetDateTime.parse(at.strip());
            Instant instant = time.toInstant();
            return new PublicationTime(instant, LocalDateTime.ofInstant(instant, zone), zone);
        } catch (DateTimeParseException e) {
            throw unreadable(at);
        }
    }

    private static PublicationTime local(String at, ZoneId zone) {
        LocalDateTime local;
        try {
            local = LocalDateTime.parse(at.strip());
        } catch (DateTimeParseException e) {
            throw unreadable(at);
        }
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.size() == 1) {
            return new PublicationTime(local.atOffset(offsets.get(0)).toInstant(), local, zone);
        }
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (offsets.isEmpty()) {
            throw skipped(local, zone, transition);
        }
        throw repeated(local, zone, transition);
    }

    /** Spring: the clocks jump over the local time; it could mean the same reading on either side of the jump. */
    private static ApiException skipped(LocalDateTime local, ZoneId zone, ZoneOffsetTransition transition) {
        Instant before = local.atOffset(transition.getOffsetBefore()).toInstant();
        Instant after = local.atOffset(transition.getOffsetAfter()).toInstant();
        return ambiguous(local + " does not exist in " + zone.getId() + ": on " + local.toLocalDate()
                + " the clocks go from " + HOUR_MINUTE.format(transition.getDateTimeBefore()) + " to "
                + HOUR_MINUTE.format(transition.getDateTimeAfter()) + ". It could mean "
                + choice(after, zone) + " or " + choice(before, zone) + "; send the one you mean with its offset",
                choice(after, zone), choice(before, zone));
    }

    /** Autumn: the local time happens twice, first with the summer offset, then with the winter one. */
    private static ApiException repeated(LocalDateTime local, ZoneId zone, ZoneOffsetTransition transition) {
        Instant first = local.atOffset(transition.getOffsetBefore()).toInstant();
        Instant second = local.atOffset(transition.getOffsetAfter()).toInstant();
        return ambiguous(local + " happens twice in " + zone.getId() + ": on " + local.toLocalDate()
                + " the clocks go back from " + HOUR_MINUTE.format(transition.getDateTimeBefore()) + " to "
                + HOUR_MINUTE.format(transition.getDateTimeAfter()) + ". It could mean " + choice(first, zone)
                + " (the first time) or " + choice(second, zone) + " (the second); send the one you mean with its offset",
                choice(first, zone), choice(second, zone));
    }

    /** A 400 on {@code at} whose body also lists the two offset date-times it could mean ({@code candidates}), for a form to offer. */
    private static ApiException ambiguous(String problem, String first, String second) {
        return new ApiException(HttpStatus.BAD_REQUEST, "at: " + problem, List.of(new ApiException.FieldProblem("at", problem)),
                Map.of("candidates", List.of(first, second)));
    }

    /** {@code 2025-03-30T03:30+02:00}: the instant as its zone shows it, with the offset that makes it unambiguous. */
    private static String choice(Instant instant, ZoneId zone) {
        return instant.atZone(zone).toOffsetDateTime().truncatedTo(java.time.temporal.ChronoUnit.MINUTES).toString();
    }

    private static ApiException unreadable(String at) {
        return ApiException.badRequest("at", "'" + at + "' is not a date-time: send an ISO local date-time such as"
                + " 2025-06-26T09:00 (with timeZone), or one with its offset such as 2025-06-26T09:00+02:00");
    }
}
