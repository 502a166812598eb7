package org.reportplatform.render.deadletters;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;
import org.reportplatform.schemas.Topic;
import org.reportplatform.schemas.Topics;

/**
 * Where a dead letter is: {@code <dead-letter topic>-<partition>-<offset>}, e.g.
 * {@code report.chapters.v1.DLT-2-17}. Only the dead-letter topics of the source topics have
 * dead letters an operator can see and replay.
 */
public record DeadLetterId(String topic, int partition, long offset) {

    private static final Pattern FORMAT = Pattern.compile("(.+)-(\\d{1,9})-(\\d{1,18})");

    public static Optional<DeadLetterId> parse(String id) {
        Matcher m = FORMAT.matcher(id);
        if (!m.matches() || Topics.SOURCES.stream().map(Topic::deadLetterTopic).noneMatch(m.group(1)::equals)) {
            return Optional.empty();
        }
        return Optional.of(new DeadLetterId(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3))));
    }

    public TopicPartition topicPartition() {
        return new TopicPartition(topic, partition);
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "-" + offset;
    }
}
