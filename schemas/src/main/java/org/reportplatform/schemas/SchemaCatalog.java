package org.reportplatform.schemas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every published version of every event schema, read from
 * {@code org/reportplatform/schemas/published/<Type>/v<N>.avsc} on the class path.
 *
 * <p>Published versions are never edited or removed: an event written years ago with v1 must
 * stay readable. A change to a schema is published as the next version, and the build checks
 * that it can read every older one and be read by them.
 */
public final class SchemaCatalog {

    private static final String ROOT = "org/reportplatform/schemas/published/";
    private static final List<Class<? extends SpecificRecord>> EVENT_TYPES = List.of(
            ChapterChanged.class, IndicatorChanged.class, DatasetChanged.class, RenderedOutput.class,
            DeadLetterReplayed.class, AccountChanged.class, PersonalTokenChanged.class, SessionChanged.class,
            PresenceChanged.class, DraftChanged.class, IndicatorScheduleChanged.class, EditionChanged.class,
            TranslationChanged.class, AccessibilityFindings.class);

    private static final SchemaCatalog INSTANCE = load();

    private final Map<Class<? extends SpecificRecord>, List<Schema>> versions;
    private final Map<Long, Class<? extends SpecificRecord>> typeByFingerprint;

    private SchemaCatalog(Map<Class<? extends SpecificRecord>, List<Schema>> versions) {
        this.versions = versions;
        this.typeByFingerprint = new LinkedHashMap<>();
        versions.forEach((type, schemas) -> schemas.forEach(s -> typeByFingerprint.put(fingerprint(s), type)));
    }

    public static SchemaCatalog get() {
        return INSTANCE;
    }

    public List<Class<? extends SpecificRecord>> eventTypes() {
        return EVENT_TYPES;
    }

    /** Published versions of a type, oldest first (index 0 is v1). */
    public List<Schema> versionsOf(Class<? extends SpecificRecord> type) {
        return versions.getOrDefault(type, List.of());
    }

    /** The event type whose published version has this CRC-64-AVRO fingerprint. */
    public Optional<Class<? extends SpecificRecord>> typeOf(long fingerprint) {
        return Optional.ofNullable(typeByFingerprint.get(fingerprint));
    }

    public static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }

    private static SchemaCatalog load() {
        Map<Class<? extends SpecificRecord>, List<Schema>> versions = new LinkedHashMap<>();
        for (Class<? extends SpecificRecord> type : EVENT_TYPES) {
            List<Schema> schemas = new ArrayList<>();
            for (int v = 1; ; v++) {
                Optional<String> text = resource(ROOT + type.getSimpleName() + "/v" + v + ".avsc");
                if (text.isEmpty()) {
                    break;
                }
                schemas.add(new Schema.Parser().parse(text.get()));
            }
            versions.put(type, List.copyOf(schemas));
        }
        return new SchemaCatalog(versions);
    }

    private static Optional<String> resource(String path) {
        try (InputStream in = SchemaCatalog.class.getClassLoader().getResourceAsStream(path)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read published schema " + path, e);
        }
    }
}
