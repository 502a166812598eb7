package org.reportplatform.render;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reportplatform.render.site.Rendition;
import org.reportplatform.render.site.Site;
import org.reportplatform.render.sources.SourceEvents;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.RenderedOutput;
import org.reportplatform.schemas.Topics;
import org.reportplatform.schemas.TranslationChanged;

/**
 * An edition's outputs two ways, path to SHA-256 of the content: rendered from scratch (a fresh
 * {@link Site}, no Kafka, no history: the source events replayed in the order sent, then every page
 * and PDF rendered once) and as published on an output topic (latest record per path, a tombstone
 * meaning absent). Incremental equals full when both are equal.
 */
final class ScratchRender {

    record Outputs(Map<String, String> pages, Map<String, String> documents) {
    }

    private ScratchRender() {
    }

    /** The edition's pages and PDFs rendered from scratch after {@code events}, in the order sent. */
    static Outputs of(String edition, List<SpecificRecord> events) {
        Site scratch = Renderers.site();
        for (SpecificRecord event : events) {
            scratch.replay(SourceEvents.decode(topicOf(event), keyOf(event), event));
        }
        Predicate<String> ofEdition = ofEdition(edition);
        Map<String, String> pages = new TreeMap<>();
        for (Rendition page : scratch.renderAll(List.of())) {
            if (page.exists() && ofEdition.test(page.path())) {
                pages.put(page.path(), page.sha256());
            }
        }
        Map<String, String> pdfs = new TreeMap<>();
        scratch.markAllDocumentsDirty(List.of());
        for (var job = scratch.takeDirtyDocument(); job.isPresent(); job = scratch.takeDirtyDocument()) {
            scratch.renderDocument(job.get()).filter(Rendition::exists).ifPresent(pdf -> pdfs.put(pdf.path(), pdf.sha256()));
        }
        return new Outputs(pages, pdfs);
    }

    /** Path -> SHA-256 of the content of the latest record of each path of the edition (a tombstone removes it). */
    static Map<String, String> published(TopicWatcher<SpecificRecord> watcher, String edition) {
        Map<String, String> latest = new TreeMap<>();
        for (ConsumerRecord<String, SpecificRecord> record : watcher.records(ofEdition(edition))) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                ByteBuffer content = ((RenderedOutput) record.value()).getContent().duplicate();
                byte[] bytes = new byte[content.remaining()];
                content.get(bytes);
                latest.put(record.key(), Site.sha256Hex(bytes));
            }
        }
        return latest;
    }

    static Predicate<String> ofEdition(String edition) {
        return key -> key.startsWith("/" + edition + "/");
    }

    private static String topicOf(SpecificRecord event) {
        if (event instanceof ChapterChanged) {
            return Topics.CHAPTERS.name();
        }
        if (event instanceof IndicatorChanged) {
            return Topics.INDICATORS.name();
        }
        if (event instanceof DatasetChanged) {
            return Topics.DATASETS.name();
        }
        return event instanceof EditionChanged ? Topics.EDITIONS.name() : Topics.TRANSLATIONS.name();
    }

    private static String keyOf(SpecificRecord event) {
        if (event instanceof ChapterChanged c) {
            return c.getEdition() + "/" + c.getSlug();
        }
        if (event instanceof IndicatorChanged i) {
            return i.getEdition() + "/" + i.getIndicatorId();
        }
        if (event instanceof DatasetChanged d) {
            return d.getEdition() + "/" + d.getDatasetId();
        }
        if (event instanceof EditionChanged e) {
            return e.getEdition();
        }
        TranslationChanged t = (TranslationChanged) event;
        return t.getEdition() + "/" + t.getSlug() + "/" + t.getLanguage();
    }
}
