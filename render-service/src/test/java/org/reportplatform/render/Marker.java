package org.reportplatform.render;

import java.util.List;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.reportplatform.schemas.EditionStatus;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;

/**
 * "Nothing else was published" checked against a later event, not a time window: a marker change,
 * in an edition of its own, made after the change under test; once the marker's output is on the
 * topic, so is everything the change under test caused. The records between a test's start and
 * that point are what the change published.
 *
 * <p>Why that holds: the marker is written to the same topic and partition as the change under test
 * (so the service applies it after that change); the page worker renders a snapshot of the dirty
 * pages per flush and awaits every acknowledgement of a flush before the next, so a second marker,
 * sent once the first one's page is seen, is published after every page of the flush that carried
 * the first (and of every flush before). Documents go one at a time to a one-partition topic, in the
 * order of their paths within a round: the marker edition sorts after every test edition, so one
 * marker is enough.
 */
final class Marker {

    /** After every edition the tests use ("/zz-..." sorts last among document paths). */
    static final String EDITION = "zz-marker";

    private final SourceTopics sources;
    private long revision;
    private boolean translated;

    Marker(SourceTopics sources) {
        this.sources = sources;
    }

    static boolean of(String key) {
        return key.startsWith("/" + EDITION + "/");
    }

    /**
     * Returns once every page the service published because of what it applied up to {@code after}
     * (the last event of the change under test; {@code null}: a restart, a rebuild) has been read by
     * {@code pages}; returns how many records {@code pages} has read (a position for {@link #since}).
     */
    synchronized int pages(RecordMetadata after, TopicWatcher<SpecificRecord> pages) {
        for (int i = 0; i < 2; i++) {
            String source = send(after);
            long rev = revision;
            pages.awaitRecords(Marker::of, records -> records.stream().anyMatch(r -> shows(r, source, rev)));
        }
        return pages.readToEnd();
    }

    /** Like {@link #pages}, for documents: the marker edition's PDF showing the marker change is read. */
    synchronized int documents(RecordMetadata after, TopicWatcher<SpecificRecord> documents) {
        String source = send(after);
        long rev = revision;
        documents.awaitRecords(Marker::of, records -> records.stream().anyMatch(r -> shows(r, source, rev)));
        return documents.readToEnd();
    }

    /** The records read by {@code watcher} from index {@code from} on whose keys match. */
    static List<ConsumerRecord<String, SpecificRecord>> since(TopicWatcher<SpecificRecord> watcher, int from, Predicate<String> key) {
        List<ConsumerRecord<String, SpecificRecord>> all = watcher.records(k -> true);
        return all.subList(from, all.size()).stream().filter(r -> key.test(r.key())).toList();
    }

    private static boolean shows(ConsumerRecord<String, SpecificRecord> record, String source, long revision) {
        return record.value() instanceof RenderedOutput out && Long.valueOf(revision).equals(out.getSourceRevisions().get(source));
    }

    /** Sends the next marker change on the topic and partition of {@code after}; returns its source key. */
    private String send(RecordMetadata after) {
        if (revision == 0) {
            // The edition exists (has pages and a PDF) once it has a chapter.
            sources.send(Topics.CHAPTERS.name(), EDITION + "/m", SourceTopics.chapterEvent(EDITION, "m", ++revision, "Marqueur", 1, "Marque"));
        }
        revision++;
        String topic = after == null ? Topics.CHAPTERS.name() : after.topic();
        Integer partition = after == null ? null : after.partition();
        if (topic.equals(Topics.INDICATORS.name())) {
            sources.send(topic, partition, EDITION + "/m", SourceTopics.indicatorEvent(EDITION, "m", revision, IndicatorType.INTEGER,
                    Long.toString(revision), "marques"));
            return "indicator:" + EDITION + "/m";
        }
        if (topic.equals(Topics.TRANSLATIONS.name())) {
            if (!translated) {
                // its English pages exist once it has English as a target language
                sources.send(Topics.EDITIONS.name(), EDITION, SourceTopics.editionEvent(EDITION, 1, EditionStatus.PUBLISHED, List.of("en"), true));
                translated = true;
            }
            sources.send(topic, partition, EDITION + "/m/en", SourceTopics.translationEvent(EDITION, "m", "en", revision, "Marker",
                    "Mark " + revision, 1));
            return "translation:" + EDITION + "/m/en";
        }
        if (!topic.equals(Topics.CHAPTERS.name())) {
            throw new IllegalArgumentException("no marker for " + topic);
        }
        sources.send(topic, partition, EDITION + "/m", SourceTopics.chapterEvent(EDITION, "m", revision, "Marqueur", 1, "Marque " + revision));
        return "chapter:" + EDITION + "/m";
    }
}
