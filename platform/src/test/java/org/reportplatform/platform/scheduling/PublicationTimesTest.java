package org.reportplatform.platform.scheduling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reportplatform.platform.errors.ApiException;

/** The times of 2025 in Europe/Zurich that schedulers get wrong: the spring gap and the autumn overlap. */
class PublicationTimesTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void aSummerMorningInGenevaIsSevenUtc() {
        PublicationTime time = PublicationTimes.resolve("2025-06-26T09:00", "Europe/Zurich", NOW);

        assertThat(time.at()).isEqualTo(Instant.parse("2025-06-26T07:00:00Z"));
        assertThat(time.localDateTime()).hasToString("2025-06-26T09:00");
        assertThat(time.zone().getId()).isEqualTo("Europe/Zurich");
    }

    @Test
    void aWinterMorningIsEightUtc() {
        assertThat(PublicationTimes.resolve("2025-12-01T09:00", "Europe/Zurich", NOW).at())
                .isEqualTo(Instant.parse("2025-12-01T08:00:00Z"));
    }

    @Test
    void theHourSkippedInMarchIsRefusedNamingBothReadings() {
        ApiException refusal = catchThrowableOfType(ApiException.class,
                () -> PublicationTimes.resolve("2025-03-30T02:30", "Europe/Zurich", NOW));

        assertThat(refusal.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("at");
            assertThat(problem.problem()).contains("does not exist", "02:00 to 03:00", "2025-03-30T03:30+02:00",
                    "2025-03-30T01:30+01:00");
        });
        assertThat(refusal.properties()).containsEntry("candidates", List.of("2025-03-30T01:30+01:00", "2025-03-30T03:30+02:00"));
    }

    @Test
    void theHourRepeatedInOctoberIsRefusedNamingBothReadings() {
        ApiException refusal = catchThrowableOfType(ApiException.class,
                () -> PublicationTimes.resolve("2025-10-26T02:30", "Europe/Zurich", NOW));

        assertThat(refusal.errors()).singleElement().satisfies(problem -> assertThat(problem.problem())
                .contains("happens twice", "2025-10-26T02:30+02:00", "2025-10-26T02:30+01:00"));
        assertThat(refusal.properties()).containsEntry("candidates", List.of("2025-10-26T02:30+02:00", "2025-10-26T02:30+01:00"));
    }

    @Test
    void eitherReadingOfTheRepeatedHourIsAcceptedWithItsOffset() {
        PublicationTime first = PublicationTimes.resolve("2025-10-26T02:30+02:00", "Europe/Zurich", NOW);
        PublicationTime second = PublicationTimes.resolve("2025-10-26T02:30+01:00", "Europe/Zurich", NOW);

        assertThat(first.at()).isEqualTo(Instant.parse("2025-10-26T00:30:00Z"));
        assertThat(second.at()).isEqualTo(Instant.parse("2025-10-26T01:30:00Z"));
        assertThat(first.localDateTime()).isEqualTo(second.localDateTime()).hasToString("2025-10-26T02:30");
    }

    @Test
    void theMinutesAroundTheChangesAreOrdinary() {
        assertThat(PublicationTimes.resolve("2025-03-30T01:59", "Europe/Zurich", NOW).at())
                .isEqualTo(Instant.parse("2025-03-30T00:59:00Z"));
        assertThat(PublicationTimes.resolve("2025-03-30T03:00", "Europe/Zurich", NOW).at())
                .isEqualTo(Instant.parse("2025-03-30T01:00:00Z"));
        assertThat(PublicationTimes.resolve("2025-10-26T03:00", "Europe/Zurich", NOW).at())
                .isEqualTo(Instant.parse("2025-10-26T02:00:00Z"));
    }

    @Test
    void aTimeNotInTheFutureIsRefused() {
        ApiException refusal = catchThrowableOfType(ApiException.class,
                () -> PublicationTimes.resolve("2024-12-31T09:00", "Europe/Zurich", NOW));

        assertThat(refusal.errors()).singleElement().satisfies(problem -> {
            assertThat(problem.field()).isEqualTo("at");
            assertThat(problem.problem()).contains("not in the future");
        });
    }

    @Test
    void anUnknownZoneOrUnreadableTimeNamesItsField() {
        assertThat(catchThrowableOfType(ApiException.class, () -> PublicationTimes.resolve("2025-06-26T09:00", "Europe/Geneve", NOW))
                .errors()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("timeZone"));
        assertThat(catchThrowableOfType(ApiException.class, () -> PublicationTimes.resolve("26/06/2025 9h", "Europe/Zurich", NOW))
                .errors()).singleElement().satisfies(p -> assertThat(p.field()).isEqualTo("at"));
        assertThat(catchThrowableOfType(ApiException.class, () -> PublicationTimes.resolve(null, null, NOW))
                .errors()).extracting(ApiException.FieldProblem::field).containsExactly("at", "timeZone");
    }
}
