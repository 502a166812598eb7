package org.reportplatform.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Fails the build when a schema change would break readers or writers of published events.
 * To change a schema: edit its .avsc, then publish it as the next vN.avsc; this test says which.
 */
class SchemaCompatibilityTest {

    static Stream<Class<? extends SpecificRecord>> eventTypes() {
        return SchemaCatalog.get().eventTypes().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theCurrentSchemaIsTheLatestPublishedVersion(Class<? extends SpecificRecord> type) {
        List<Schema> published = SchemaCatalog.get().versionsOf(type);
        Schema current = SpecificData.get().getSchema(type);

        assertThat(published).as("published versions of %s", type.getSimpleName()).isNotEmpty();
        assertThat(SchemaCatalog.fingerprint(published.get(published.size() - 1)))
                .as("%s changed without being published: add it as published/%s/v%d.avsc",
                        type.getSimpleName(), type.getSimpleName(), published.size() + 1)
                .isEqualTo(SchemaCatalog.fingerprint(current));
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void theCurrentSchemaReadsEveryPublishedVersionAndIsReadByThem(Class<? extends SpecificRecord> type) {
        Schema current = SpecificData.get().getSchema(type);
        List<Schema> published = SchemaCatalog.get().versionsOf(type);
        for (int i = 0; i < published.size(); i++) {
            Schema old = published.get(i);
            assertCompatible(current, old, "%s (current) reading v%d".formatted(type.getSimpleName(), i + 1));
            assertCompatible(old, current, "%s v%d reading the current version".formatted(type.getSimpleName(), i + 1));
        }
    }

    private static void assertCompatible(Schema reader, Schema writer, String what) {
        SchemaCompatibility.SchemaPairCompatibility result =
                SchemaCompatibility.checkReaderWriterCompatibility(reader, writer);
        assertThat(result.getType())
                .as("%s: %s", what, result.getResult().getIncompatibilities())
                .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
}
