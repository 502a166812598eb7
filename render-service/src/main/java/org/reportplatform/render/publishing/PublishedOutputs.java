package org.reportplatform.render.publishing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reportplatform.render.site.OutputId;
import org.reportplatform.render.site.Rendition;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.support.serializer.SerializationUtils;

/**
 * What is currently published, per output topic and path: the SHA-256 of its bytes and the
 * source revisions it was built from. Learnt at start-up by reading the output topics
 * ({@code report.pages.v1}, {@code report.documents.v1}, {@code report.previews.v1}) to their
 * end, then kept up to date by every successful publish. An output whose new bytes have the
 * same SHA-256 is not published again, so a restart republishes nothing that did not change.
 */
public final class PublishedOutputs {

    private static final Logger log = LoggerFactory.getLogger(PublishedOutputs.class);

    /** The latest record of one path. */
    public record Published(String sha256, Map<String, Long> sourceRevisions) {
    }

    private final Map<String, Map<String, Published>> byTopic = new ConcurrentHashMap<>();

    /** Takes in one record of an output topic, read in order: the latest record per key wins. */
    public void load(ConsumerRecord<String, Object> record) {
        Map<String, Published> paths = paths(record.topic());
        if (record.key() == null) {
            return;
        }
        if (record.value() instanceof RenderedOutput output) {
            paths.put(record.key(), new Published(output.getSha256(), Map.copyOf(output.getSourceRevisions())));
        } else {
            if (record.value() != null || record.headers().lastHeader(SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER) != null) {
                log.warn("{} at {}-{}@{} is unreadable: it will be published again", record.key(), record.topic(),
                        record.partition(), record.offset());
            }
            paths.remove(record.key());
        }
    }

    public void clear() {
        byTopic.clear();
    }

    /** Forgets the outputs (of every output topic) whose path {@code path} accepts: they are about to be read again. */
    public void forget(Predicate<String> path) {
        byTopic.values().forEach(paths -> paths.keySet().removeIf(path));
    }

    public Optional<Published> get(OutputId id) {
        return Optional.ofNullable(paths(id.topic().name()).get(id.path()));
    }

    /** Records a successful publish (or delete). */
    public void update(Rendition rendition) {
        Map<String, Published> paths = paths(rendition.id().topic().name());
        if (rendition.exists()) {
            paths.put(rendition.path(), new Published(rendition.sha256(), Map.copyOf(rendition.sourceRevisions())));
        } else {
            paths.remove(rendition.path());
        }
    }

    /** Every page published on {@code report.pages.v1} (to find those that no longer exist). */
    public List<OutputId> publishedPages() {
        List<OutputId> ids = new ArrayList<>();
        paths(Topics.PAGES.name()).keySet().forEach(path -> ids.add(OutputId.forPagePath(path)));
        return ids;
    }

    /** Every document published on {@code report.documents.v1}. */
    public List<OutputId> publishedDocuments() {
        List<OutputId> ids = new ArrayList<>();
        paths(Topics.DOCUMENTS.name()).keySet().forEach(path -> ids.add(OutputId.forDocumentPath(path)));
        return ids;
    }

    /** Every preview published on {@code report.previews.v1} (a draft's page and PDF). */
    public List<OutputId> publishedPreviews() {
        List<OutputId> ids = new ArrayList<>();
        paths(Topics.PREVIEWS.name()).keySet().forEach(path -> ids.add(OutputId.forPreviewPath(path)));
        return ids;
    }

    public int size() {
        return byTopic.values().stream().mapToInt(Map::size).sum();
    }

    private Map<String, Published> paths(String topic) {
        return byTopic.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
    }
}
