package org.reportplatform.schemas;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * A Kafka topic of the platform: its name, the Avro type of its values, and how it is laid out.
 * Keys are always strings ({@code edition/id} for sources, the URL path for rendered outputs).
 *
 * @param name           the versioned topic name
 * @param valueType      the Avro record every value on this topic is (tombstones aside)
 * @param partitions     partition count; keys keep one source's events in one partition, in order
 * @param retention      whether the topic keeps every event or only the latest per key
 * @param maxMessageBytes the largest record the topic accepts
 */
public record Topic<V extends SpecificRecord>(
        String name, Class<V> valueType, int partitions, Retention retention, int maxMessageBytes) {

    public enum Retention {
        /** Every event is kept forever: the revision history of sources. */
        FOREVER,
        /** Only the latest record per key is kept: rendered outputs. */
        COMPACTED
    }

    public Serde<String> keySerde() {
        return Serdes.String();
    }

    public Serde<SpecificRecord> valueSerde() {
        return Serdes.serdeFrom(new AvroSerializer(), new AvroDeserializer());
    }

    /** The dead-letter topic for records of this topic that could not be processed. */
    public String deadLetterTopic() {
        return name + ".DLT";
    }

    public V cast(Object value) {
        return valueType.cast(value);
    }
}
