package org.reportplatform.platform.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.springframework.kafka.support.LoggingProducerListener;
import org.springframework.kafka.support.ProducerListener;

/**
 * {@code report.kafka.records.produced{topic, outcome=sent|failed}}: records each service's
 * {@code KafkaTemplate} sent, per topic, once Kafka acknowledged them (or refused them). Counted
 * at once; Kafka's own per-topic client metrics ({@code kafka.producer.topic.*}) say the same but
 * only appear once Micrometer re-scans the client (every minute). Failures are still logged, as
 * Boot's default listener does.
 */
public final class CountingProducerListener implements ProducerListener<Object, Object> {

    private final MeterRegistry meters;
    private final LoggingProducerListener<Object, Object> logging = new LoggingProducerListener<>();

    public CountingProducerListener(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public void onSuccess(ProducerRecord<Object, Object> record, RecordMetadata metadata) {
        count(record.topic(), "sent");
    }

    @Override
    public void onError(ProducerRecord<Object, Object> record, RecordMetadata metadata, Exception exception) {
        count(record.topic(), "failed");
        logging.onError(record, metadata, exception);
    }

    private void count(String topic, String outcome) {
        Counter.builder("report.kafka.records.produced")
                .description("Records sent to Kafka by this service's KafkaTemplate, by topic and outcome")
                .tag("topic", topic)
                .tag("outcome", outcome)
                .register(meters)
                .increment();
    }
}
