package org.reportplatform.render.deadletters;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.reportplatform.render.sources.InvalidEventException;
import org.reportplatform.schemas.Topic;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Where the source listener's failures go: {@code <topic>.DLT} ({@link Topic#deadLetterTopic()}),
 * same partition, with Spring Kafka's exception headers ({@code kafka_dlt-exception-fqcn},
 * {@code -message}, {@code -stacktrace}, original topic/partition/offset). Processing then goes
 * on with the next record.
 *
 * <p>Its producer is a copy of Boot's (same settings, metrics and listeners) whose serializers
 * also write raw bytes: a record that could not be decoded is dead-lettered as it arrived.
 * Undecodable and invalid records are not retried; anything else is retried twice first.
 */
public final class DeadLetters implements DisposableBean {

    private final ProducerFactory<Object, Object> producers;
    private final DefaultErrorHandler errorHandler;

    @SuppressWarnings("unchecked")
    public DeadLetters(ProducerFactory<?, ?> bootProducers, MeterRegistry meters) {
        this.producers = ((ProducerFactory<Object, Object>) bootProducers).copyWithConfigurationOverride(Map.of(
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, DeadLetterSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, DeadLetterSerializer.class));
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(new KafkaTemplate<>(producers),
                (record, exception) -> new TopicPartition(deadLetterTopic(record.topic()), record.partition()));
        // Counted once published to the DLT (the recoverer throws if Kafka does not take it: the
        // record is then retried, not counted).
        this.errorHandler = new DefaultErrorHandler((record, exception) -> {
            recoverer.accept(record, exception);
            Counter.builder("report.render.dead.letters")
                    .description("Source records sent to their dead-letter topic, by source topic")
                    .tag("topic", record.topic())
                    .register(meters)
                    .increment();
        }, new FixedBackOff(200L, 2L));
        this.errorHandler.addNotRetryableExceptions(InvalidEventException.class);
    }

    static String deadLetterTopic(String topic) {
        return Topics.byName(topic).map(Topic::deadLetterTopic).orElse(topic + ".DLT");
    }

    public DefaultErrorHandler errorHandler() {
        return errorHandler;
    }

    @Override
    public void destroy() {
        producers.reset();
    }
}
