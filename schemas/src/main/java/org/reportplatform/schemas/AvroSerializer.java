package org.reportplatform.schemas;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any platform event as Avro single-object encoding: marker {@code C3 01}, the 8-byte
 * CRC-64-AVRO fingerprint of the writer schema, then the binary body. The fingerprint lets any
 * reader find the exact schema the event was written with, without a schema registry.
 */
public class AvroSerializer implements Serializer<SpecificRecord> {

    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

    @Override
    public byte[] serialize(String topic, SpecificRecord record) {
        if (record == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoders.computeIfAbsent(record.getClass(), AvroSerializer::encoderFor).encode(record);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("cannot encode " + record.getSchema().getName() + " for topic " + topic + ": " + e.getMessage(), e);
        }
    }

    private static BinaryMessageEncoder<SpecificRecord> encoderFor(Class<?> type) {
        SpecificData model = SpecificData.getForClass(type);
        return new BinaryMessageEncoder<>(model, model.getSchema(type));
    }
}
