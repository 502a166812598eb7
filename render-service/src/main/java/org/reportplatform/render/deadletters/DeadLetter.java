package org.reportplatform.render.deadletters;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * A record of a dead-letter topic as operators see it ({@code GET /api/ops/dead-letters}): where it
 * came from, the error that sent it there (Spring Kafka's {@code kafka_dlt-*} headers), and
 * whether it was replayed since. Every member is present (null when unknown).
 *
 * @param id                {@code <dlt topic>-<partition>-<offset>}
 * @param key               the original record key
 * @param exception         class of the exception that dead-lettered it
 * @param cause             class of that exception's root cause, when it has one
 * @param message           its message: what was wrong
 * @param failedAt          when it was dead-lettered (the dead-letter record's timestamp)
 * @param sizeBytes         size of its value, as it arrived
 * @param replayed          whether an operator replayed it successfully
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record DeadLetter(String id, String deadLetterTopic, String originalTopic, Integer originalPartition, Long originalOffset,
        String key, String exception, String cause, String message, Instant failedAt, int sizeBytes, boolean replayed,
        @JsonIgnore byte[] value) {

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record, boolean replayed) {
        Headers headers = record.headers();
        String originalTopic = text(headers, KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (originalTopic == null && record.topic().endsWith(".DLT")) {
            originalTopic = record.topic().substring(0, record.topic().length() - ".DLT".length());
        }
        return new DeadLetter(
                new DeadLetterId(record.topic(), record.partition(), record.offset()).toString(),
                record.topic(),
                originalTopic,
                number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION) == null ? null : number(headers, KafkaHeaders.DLT_ORIGINAL_PARTITION).intValue(),
                number(headers, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                text(headers, KafkaHeaders.DLT_EXCEPTION_FQCN),
                text(headers, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
                message(headers),
                Instant.ofEpochMilli(record.timestamp()),
                record.value() == null ? 0 : record.value().length,
                replayed,
                record.value());
    }

    DeadLetter markedReplayed() {
        return new DeadLetter(id, deadLetterTopic, originalTopic, originalPartition, originalOffset, key, exception, cause, message,
                failedAt, sizeBytes, true, value);
    }

    /**
     * What was wrong, in the words of the exception that knew: the last {@code Caused by} of the
     * stack trace the recoverer kept (a deserialization failure's own message is only "failed to
     * deserialize"), else the exception's message.
     */
    private static String message(Headers headers) {
        String stacktrace = text(headers, KafkaHeaders.DLT_EXCEPTION_STACKTRACE);
        if (stacktrace != null) {
            String root = null;
            for (String line : stacktrace.lines().toList()) {
                if (line.startsWith("Caused by: ")) {
                    root = line.substring("Caused by: ".length());
                }
            }
            if (root != null) {
                int colon = root.indexOf(": ");
                return colon < 0 ? root : root.substring(colon + 2);
            }
        }
        return text(headers, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The recoverer writes partition (4 bytes) and offset (8 bytes) as big-endian binary numbers. */
    private static Long number(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        byte[] v = header.value();
        return switch (v.length) {
            case 4 -> (long) java.nio.ByteBuffer.wrap(v).getInt();
            case 8 -> java.nio.ByteBuffer.wrap(v).getLong();
            default -> null;
        };
    }
}
