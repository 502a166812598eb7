package org.reportplatform.gateway.studio;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.springframework.util.MultiValueMap;
import tools.jackson.databind.JsonNode;

/**
 * « Programmer la publication »: the date, time and zone a person chose (the fields {@code date},
 * {@code heure}, {@code fuseau}), or one of the two readings of a time the zone skips or repeats
 * that the studio offered as buttons ({@code choix}, an offset date-time); the API's {@code at}
 * and {@code timeZone}, and its refusals told in French. A chapter's and a key figure's
 * schedule share it.
 *
 * @param candidate the reading chosen among the two the API offered; null when the person typed a time
 */
public record PublicationForm(String date, String time, String zone, String candidate) {

    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("HH:mm");

    /** A refusal in words, with the two times to choose from when the time was skipped or repeated. */
    public record Refusal(String message, List<Choice> choices) {
    }

    /** A button offered after a skipped or repeated hour: its value is sent as {@code choix}. */
    public record Choice(String value, String label) {
    }

    public static PublicationForm of(MultiValueMap<String, String> form, String defaultZone) {
        String zone = value(form, "fuseau");
        String candidate = value(form, "choix");
        return new PublicationForm(value(form, "date"), value(form, "heure"), zone.isEmpty() ? defaultZone : zone,
                candidate.isEmpty() ? null : candidate);
    }

    /** An empty form in the studio's zone. */
    public static PublicationForm empty(String zone) {
        return new PublicationForm("", "", zone, null);
    }

    /** The form showing a schedule already set (its own zone and local time). */
    public static PublicationForm showing(String localDateTime, String zone) {
        try {
            LocalDateTime local = LocalDateTime.parse(localDateTime);
            return new PublicationForm(local.toLocalDate().toString(), HOUR.format(local), zone, null);
        } catch (DateTimeParseException | NullPointerException unreadable) {
            return empty(zone);
        }
    }

    /** The API's {@code at} and {@code timeZone}: the chosen reading, else the local date and time. */
    public Map<String, Object> api() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("at", candidate != null ? candidate : date.isEmpty() || time.isEmpty() ? "" : date + "T" + time);
        fields.put("timeZone", zone);
        return fields;
    }

    /** The zones offered, the chosen one included even when it is not in the usual list. */
    public Map<String, String> zones() {
        Map<String, String> zones = new LinkedHashMap<>(StudioLabels.ZONES);
        zones.putIfAbsent(zone, StudioLabels.zoneName(zone));
        return zones;
    }

    /** A refusal of {@code at} or {@code timeZone} (400), in French; the two readings of a skipped or repeated hour as choices. */
    public Refusal explain(BackendRefusal refusal) {
        List<OffsetDateTime> readings = new ArrayList<>();
        JsonNode candidates = refusal.problem() == null ? null : refusal.problem().path("candidates");
        if (candidates != null && candidates.isArray()) {
            for (JsonNode candidate : candidates) {
                try {
                    readings.add(OffsetDateTime.parse(candidate.asString("")));
                } catch (DateTimeParseException unreadable) {
                    // not offered: the message still says what happened
                }
            }
        }
        String place = StudioLabels.zoneName(zone);
        if (readings.size() == 2) {
            LocalDateTime first = readings.get(0).toLocalDateTime();
            LocalDateTime second = readings.get(1).toLocalDateTime();
            String day = StudioLabels.day(first.toLocalDate());
            if (first.equals(second)) {
                // The hour happens twice (autumn): the same reading, first in summer time, then in winter time.
                return new Refusal("Cette heure a lieu deux fois à " + place + " le " + day + " (retour à l’heure d’hiver) : choisissez "
                        + HOUR.format(first) + " la première fois (heure d’été) ou " + HOUR.format(second)
                        + " la seconde fois (heure d’hiver).",
                        List.of(new Choice(readings.get(0).toString(), "Publier à " + HOUR.format(first) + " (heure d’été, la première fois)"),
                                new Choice(readings.get(1).toString(), "Publier à " + HOUR.format(second) + " (heure d’hiver, la seconde fois)")));
            }
            List<OffsetDateTime> inOrder = readings.stream().sorted().toList();
            return new Refusal("Cette heure n’existe pas à " + place + " le " + day + " (passage à l’heure d’été) : choisissez "
                    + HOUR.format(inOrder.get(0).toLocalDateTime()) + " ou " + HOUR.format(inOrder.get(1).toLocalDateTime()) + ".",
                    inOrder.stream().map(reading -> new Choice(reading.toString(), "Publier à " + HOUR.format(reading.toLocalDateTime())))
                            .toList());
        }
        for (BackendRefusal.FieldProblem problem : refusal.errors()) {
            String said = problem.problem().toLowerCase(Locale.ROOT);
            if (problem.field().equals("timeZone")) {
                return new Refusal("Choisissez le fuseau horaire dans la liste.", List.of());
            }
            if (problem.field().equals("at")) {
                if (said.contains("required")) {
                    return new Refusal("Choisissez la date et l’heure de publication.", List.of());
                }
                if (said.contains("future")) {
                    return new Refusal("Cette heure est déjà passée à " + place + " : choisissez une heure à venir, ou publiez maintenant.",
                            List.of());
                }
                return new Refusal("Cette date ou cette heure n’est pas lisible : choisissez le jour dans le calendrier et l’heure "
                        + "sous la forme 09:00.", List.of());
            }
        }
        return null;
    }

    /** Today in the zone, for the date field's {@code min}. */
    public String today() {
        try {
            return LocalDate.now(java.time.ZoneId.of(zone)).toString();
        } catch (java.time.DateTimeException unknown) {
            return LocalDate.now().toString();
        }
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
