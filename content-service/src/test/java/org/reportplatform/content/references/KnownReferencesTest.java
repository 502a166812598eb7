package org.reportplatform.content.references;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.reportplatform.platform.errors.ApiException.FieldProblem;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorState;
import org.reportplatform.schemas.IndicatorType;

class KnownReferencesTest {

    private final KnownReferences known = new KnownReferences();

    @Test
    void eachUnknownReferenceIsWarnedOnceInTheOrderItAppears() {
        // Given indicator a.b exists in 2024, and c was created then deleted
        known.apply(indicator("2024", "a.b", true));
        known.apply(indicator("2024", "c", true));
        known.apply(indicator("2024", "c", false));

        // When a body references known, unknown, repeated and empty ids
        var warnings = known.warnings("2024", "{{fig:a.b}} {{fig:x}} {{chart:t}}\n{{fig:x}} {{fig:c}} {{fig: a.b }} {{fig:}} {{note:y}}");

        // Then each unknown one is named once; surrounding spaces do not matter; other markers are not references
        assertThat(warnings).extracting(FieldProblem::field).containsOnly("body");
        assertThat(warnings).extracting(FieldProblem::problem).containsExactly(
                "unknown indicator x", "unknown dataset t", "unknown indicator c", "unknown indicator (no id)");
    }

    @Test
    void anIndicatorOfAnotherEditionIsUnknown() {
        known.apply(indicator("2023", "a.b", true));

        assertThat(known.warnings("2024", "{{fig:a.b}}")).extracting(FieldProblem::problem).containsExactly("unknown indicator a.b");
        assertThat(known.warnings("2023", "{{fig:a.b}}")).isEmpty();
        assertThat(known.warnings("2023", null)).isEmpty();
    }

    private static IndicatorChanged indicator(String edition, String id, boolean exists) {
        return IndicatorChanged.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId("e").setOccurredAt(Instant.EPOCH).setActor("t").build())
                .setEdition(edition).setIndicatorId(id).setRevision(1)
                .setIndicator(exists ? IndicatorState.newBuilder().setLabel("l").setType(IndicatorType.INTEGER).setValue("1")
                        .setOwnerTeam("t").build() : null)
                .build();
    }
}
