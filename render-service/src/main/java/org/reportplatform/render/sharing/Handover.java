package org.reportplatform.render.sharing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.reportplatform.platform.log.LogFollower;
import org.reportplatform.render.drafts.DraftPreviews;
import org.reportplatform.render.publishing.DocumentWorker;
import org.reportplatform.render.publishing.PublishedOutputs;
import org.reportplatform.render.publishing.RebuildWorker;
import org.reportplatform.render.site.OutputId;
import org.reportplatform.render.site.Site;
import org.reportplatform.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * What an instance does when the ownership group moves partitions, on the group consumer's thread
 * (the group waits for these callbacks before it assigns the partitions elsewhere).
 *
 * <ul>
 *   <li>Revoked (or lost): it stops sending their outputs ({@link OutputOwnership#revoke} waits for a
 *       send under way), forgets them dirty, and flushes the producer: every record it sent for them
 *       is written before another instance owns them. A document or preview whose render is under
 *       way is rendered to the end but not published.</li>
 *   <li>Assigned: it reads what is published for their outputs from the output topics (another
 *       instance published them since this one started; an output equal to what is published is
 *       not published again, so that knowledge must be current), then marks every one of their
 *       outputs dirty (pages, report PDFs, the previews of open drafts; a published one no longer
 *       in the site gets its tombstone) and wakes the workers: the outputs are rendered from the
 *       current state, and only those whose bytes differ from what is published are sent.</li>
 * </ul>
 */
public final class Handover implements ConsumerRebalanceListener {

    private static final Logger log = LoggerFactory.getLogger(Handover.class);

    private final OutputOwnership ownership;
    private final Site site;
    private final PublishedOutputs published;
    private final LogFollower<String, Object> publishedLog;
    private final RebuildWorker pages;
    private final DocumentWorker documents;
    private final DraftPreviews drafts;
    private final KafkaTemplate<?, ?> template;

    public Handover(OutputOwnership ownership, Site site, PublishedOutputs published, LogFollower<String, Object> publishedLog,
            RebuildWorker pages, DocumentWorker documents, DraftPreviews drafts, KafkaTemplate<?, ?> template) {
        this.ownership = ownership;
        this.site = site;
        this.published = published;
        this.publishedLog = publishedLog;
        this.pages = pages;
        this.documents = documents;
        this.drafts = drafts;
        this.template = template;
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
        if (partitions.isEmpty()) {
            return;
        }
        long started = System.nanoTime();
        ownership.revoke(numbers(partitions));
        site.dropUnowned();
        drafts.lost();
        template.flush();
        log.info("gave up the outputs of partition(s) {} in {} ms; owns {}", numbers(partitions),
                (System.nanoTime() - started) / 1_000_000, ownership.partitions());
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
        Set<Integer> gained = numbers(partitions);
        if (gained.isEmpty()) {
            ownership.assign(gained);
            return;
        }
        long started = System.nanoTime();
        Predicate<String> ofGained = path -> gained.contains(OutputOwnership.partitionOf(path));
        long read = readPublished(ofGained);
        ownership.assign(gained);
        Predicate<OutputId> gainedOutput = id -> ofGained.test(id.path());
        List<OutputId> publishedOutputs = new ArrayList<>(published.publishedPages());
        publishedOutputs.addAll(published.publishedDocuments());
        int outputs = site.markDirty(gainedOutput, publishedOutputs);
        drafts.gained(gainedOutput, published.publishedPreviews());
        pages.signal();
        documents.signal();
        log.info("took the outputs of partition(s) {} in {} ms ({} published record(s) read), {} output(s) to render; owns {}", gained,
                (System.nanoTime() - started) / 1_000_000, read, outputs, ownership.partitions());
    }

    /** What is published for those outputs now; on failure, nothing is known of them (so each is published again). */
    private long readPublished(Predicate<String> ofGained) {
        published.forget(ofGained);
        try {
            return publishedLog.readToEnd(record -> {
                if (record.key() != null && !Topics.ACCESSIBILITY.name().equals(record.topic()) && ofGained.test(record.key())) {
                    published.load(record);
                }
            }).records();
        } catch (RuntimeException e) {
            log.warn("could not read the published outputs: those of the partitions taken over are all published again", e);
            published.forget(ofGained);
            return 0;
        }
    }

    private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
        Set<Integer> numbers = new TreeSet<>();
        partitions.forEach(p -> numbers.add(p.partition()));
        return numbers;
    }
}
