package org.reportplatform.render.deadletters;

import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.reportplatform.schemas.AvroSerializer;

/**
 * Writes what a dead-letter topic receives: the original bytes of a record that could not be
 * decoded, or the decoded event (Avro, as on the source topic) of one that could not be processed.
 */
public class DeadLetterSerializer implements Serializer<Object> {

    private final AvroSerializer avro = new AvroSerializer();

    @Override
    public byte[] serialize(String topic, Object data) {
        if (data == null) {
            return null;
        }
        if (data instanceof byte[] bytes) {
            return bytes;
        }
        if (data instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (data instanceof SpecificRecord record) {
            return avro.serialize(topic, record);
        }
        throw new SerializationException("cannot dead-letter a " + data.getClass().getName());
    }
}
