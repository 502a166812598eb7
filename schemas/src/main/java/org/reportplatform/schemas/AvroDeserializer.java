package org.reportplatform.schemas;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads platform events written by {@link AvroSerializer} with any published schema version,
 * into the current generated class. The fingerprint in the header picks the writer schema from
 * the {@link SchemaCatalog}; Avro's schema resolution then maps it onto the current version.
 *
 * <p>Bytes that are not a known event throw {@link SerializationException} with a message that
 * says what is wrong, so an {@code ErrorHandlingDeserializer} can send the record to its DLT.
 */
public class AvroDeserializer implements Deserializer<SpecificRecord> {

    static {
        TrustedAvroPackages.trustSchemasPackage();
    }

    private static final int HEADER_LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    private final SchemaCatalog catalog = SchemaCatalog.get();
    private final Map<Class<?>, BinaryMessageDecoder<SpecificRecord>> decoders = new ConcurrentHashMap<>();

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_LENGTH || data[0] != MARKER_0 || data[1] != MARKER_1) {
            throw new SerializationException("record on " + topic + " is not an Avro single-object encoded event: "
                    + "expected the marker C3 01 and an 8-byte schema fingerprint, got "
                    + HexFormat.ofDelimiter(" ").formatHex(data, 0, Math.min(data.length, HEADER_LENGTH)));
        }
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        Class<? extends SpecificRecord> type = catalog.typeOf(fingerprint).orElseThrow(() -> new SerializationException(
                "record on " + topic + " was written with an unknown schema (fingerprint "
                        + HexFormat.of().toHexDigits(fingerprint) + "): it is not a published version of any platform event"));
        Topics.byName(topic).filter(expected -> !expected.valueType().equals(type)).ifPresent(expected -> {
            throw new SerializationException("record on " + topic + " is a " + type.getSimpleName()
                    + ", but this topic carries " + expected.valueType().getSimpleName());
        });
        try {
            return decoders.computeIfAbsent(type, this::decoderFor).decode(data);
        } catch (java.io.IOException | AvroRuntimeException e) {
            throw new SerializationException("record on " + topic + " is a corrupt " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    private BinaryMessageDecoder<SpecificRecord> decoderFor(Class<?> type) {
        SpecificData model = SpecificData.getForClass(type);
        BinaryMessageDecoder<SpecificRecord> decoder = new BinaryMessageDecoder<>(model, model.getSchema(type));
        for (Schema published : catalog.versionsOf(type.asSubclass(SpecificRecord.class))) {
            decoder.addSchema(published);
        }
        return decoder;
    }
}
