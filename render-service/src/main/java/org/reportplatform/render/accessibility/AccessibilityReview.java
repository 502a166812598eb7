package org.reportplatform.render.accessibility;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.reportplatform.platform.accessibility.AccessibilityChecker;
import org.reportplatform.platform.accessibility.AccessibilityFinding;
import org.reportplatform.platform.accessibility.AccessibilityRule;
import org.reportplatform.render.site.Site;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.Edition;
import org.reportplatform.render.sources.ReportState;
import org.reportplatform.render.sources.SourceEvent;
import org.reportplatform.render.sources.SourceRef;
import org.reportplatform.render.sources.Translation;
import org.reportplatform.render.sources.Versioned;
import org.reportplatform.schemas.AccessibilityFindingRecord;
import org.reportplatform.schemas.AccessibilityFindings;
import org.reportplatform.schemas.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Checks every text the service renders (chapters, translations, open drafts) with the
 * platform's {@link AccessibilityChecker} and publishes the findings on
 * {@code report.accessibility.v1} when, and only when, they differ from what the topic holds: the
 * topic is read at start ({@link #load}), so a restart publishes nothing unchanged. A send that
 * fails is logged and forgotten: the text's next change (or the next start) publishes it again.
 *
 * <p>Keeps the current findings in memory for the studio ({@link #of}) and the operators
 * ({@link #counts}); {@code report.accessibility.findings{rule}} gauges the published texts'
 * findings (drafts excluded: they are not public).
 */
public final class AccessibilityReview {

    private static final Logger log = LoggerFactory.getLogger(AccessibilityReview.class);
    static final String DRAFT_SUFFIX = "/draft";

    private final AccessibilityChecker checker = new AccessibilityChecker();
    private final KafkaTemplate<String, SpecificRecord> template;
    private final Clock clock;
    private final Duration sendTimeout;
    // Guarded by this: what the topic holds, by key.
    private final Map<String, AccessibilityFindings> published = new HashMap<>();

    public AccessibilityReview(KafkaTemplate<String, SpecificRecord> template, Clock clock, Duration sendTimeout, MeterRegistry meters) {
        this.template = template;
        this.clock = clock;
        this.sendTimeout = sendTimeout;
        for (AccessibilityRule rule : AccessibilityRule.values()) {
            Gauge.builder("report.accessibility.findings", this, review -> review.count(rule))
                    .description("Accessibility findings in the published chapters and translations, by rule")
                    .tag("rule", rule.name())
                    .register(meters);
        }
    }

    /** The texts checked: a chapter's own text, a translation, or a chapter's open draft. */
    public record Text(String edition, String slug, String language, boolean draft) {
        public String key() {
            return edition + "/" + slug + (language == null ? "" : "/" + language) + (draft ? DRAFT_SUFFIX : "");
        }
    }

    public boolean reads(String topic) {
        return Topics.ACCESSIBILITY.name().equals(topic);
    }

    public synchronized void clear() {
        published.clear();
    }

    /** One record of the topic, read at start. */
    public synchronized void load(ConsumerRecord<String, Object> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() instanceof AccessibilityFindings findings) {
            published.put(record.key(), findings);
        } else {
            published.remove(record.key());
        }
    }

    /**
     * After the start-up replay: checks every chapter and translation, and removes the findings of
     * texts that no longer exist (drafts excepted: the drafts' previews handle theirs).
     */
    public void reviewAll(Site site) {
        Map<Text, Revised> texts = new HashMap<>();
        for (String edition : site.editions()) {
            ReportState state = site.snapshot(edition);
            List<String> languages = state.edition(edition).map(Edition::targetLanguages).orElse(List.of());
            for (Chapter chapter : state.chapters(edition)) {
                long revision = state.version(SourceRef.chapter(edition, chapter.slug())).map(Versioned::revision).orElse(0L);
                texts.put(new Text(edition, chapter.slug(), null, false), new Revised(revision, chapter.body()));
                for (String language : languages) {
                    state.translation(edition, chapter.slug(), language).filter(Translation::isWritten).ifPresent(t -> texts.put(
                            new Text(edition, chapter.slug(), language, false),
                            new Revised(state.version(SourceRef.translation(edition, chapter.slug(), language))
                                    .map(Versioned::revision).orElse(0L), t.body())));
                }
            }
        }
        texts.forEach(this::review);
        List<Text> gone;
        synchronized (this) {
            gone = published.values().stream()
                    .map(f -> new Text(f.getEdition(), f.getSlug(), f.getLanguage(), f.getDraft()))
                    .filter(text -> !text.draft() && !texts.containsKey(text))
                    .toList();
        }
        gone.forEach(this::remove);
    }

    /** A text and the revision it is at. */
    public record Revised(long revision, String markdown) {
    }

    /** A live source event: a chapter's or translation's text checked again (or its findings removed). */
    public void sourceChanged(SourceEvent event) {
        if (event instanceof SourceEvent.ChapterEvent chapter) {
            Text text = new Text(chapter.edition(), chapter.ref().id(), null, false);
            if (chapter.state() != null) {
                review(text, new Revised(event.revision(), chapter.state().body()));
            } else {
                // A deleted chapter's translations are no longer shown anywhere: their findings go with it.
                remove(text);
                translationsOf(text.edition(), text.slug()).keySet()
                        .forEach(language -> remove(new Text(text.edition(), text.slug(), language, false)));
            }
        } else if (event instanceof SourceEvent.TranslationEvent translation) {
            Text text = new Text(translation.edition(), translation.slug(), translation.language(), false);
            Optional.ofNullable(translation.state()).filter(Translation::isWritten).map(Translation::body)
                    .ifPresentOrElse(body -> review(text, new Revised(event.revision(), body)), () -> remove(text));
        }
    }

    /** A draft's preview was rendered (its text checked) or removed (its findings too). */
    public void draftRendered(String edition, String slug, String language, Optional<Revised> draft) {
        Text text = new Text(edition, slug, language, true);
        draft.ifPresentOrElse(d -> review(text, d), () -> remove(text));
    }

    /**
     * Checks one text and publishes its findings if they changed. Each text has one writer (the
     * start-up, then the source listener; the draft worker for drafts), so the lock is not held
     * while Kafka acknowledges: the studio's reads never wait for a send.
     */
    public void review(Text text, Revised revised) {
        List<AccessibilityFindingRecord> findings = checker.check(revised.markdown()).stream().map(AccessibilityReview::record).toList();
        AccessibilityFindings before = current(text.key());
        if (before != null && before.getFindings().equals(findings)) {
            return;
        }
        AccessibilityFindings next = AccessibilityFindings.newBuilder().setEdition(text.edition()).setSlug(text.slug())
                .setLanguage(text.language()).setDraft(text.draft()).setSourceRevision(revised.revision()).setFindings(findings)
                .setCheckedAt(clock.instant()).build();
        if (send(text.key(), next)) {
            synchronized (this) {
                published.put(text.key(), next);
            }
        }
    }

    private void remove(Text text) {
        if (current(text.key()) != null && send(text.key(), null)) {
            synchronized (this) {
                published.remove(text.key());
            }
        }
    }

    private synchronized AccessibilityFindings current(String key) {
        return published.get(key);
    }

    private boolean send(String key, AccessibilityFindings value) {
        try {
            template.send(Topics.ACCESSIBILITY.name(), key, value).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("could not publish the accessibility findings of {}: its next change publishes them again", key, e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The current findings of a text, if it was checked. */
    public synchronized Optional<AccessibilityFindings> of(Text text) {
        return Optional.ofNullable(published.get(text.key()));
    }

    /** The findings of a chapter's translations, by language. */
    public synchronized Map<String, AccessibilityFindings> translationsOf(String edition, String slug) {
        Map<String, AccessibilityFindings> byLanguage = new TreeMap<>();
        published.values().stream()
                .filter(f -> !f.getDraft() && f.getLanguage() != null && f.getEdition().equals(edition) && f.getSlug().equals(slug))
                .forEach(f -> byLanguage.put(f.getLanguage(), f));
        return byLanguage;
    }

    /** Findings of the published texts (drafts excluded), by edition then rule. */
    public synchronized Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        for (AccessibilityFindings texts : published.values()) {
            if (texts.getDraft()) {
                continue;
            }
            for (AccessibilityFindingRecord finding : texts.getFindings()) {
                counts.computeIfAbsent(texts.getEdition(), e -> new TreeMap<>()).merge(finding.getRule(), 1, Integer::sum);
            }
        }
        return counts;
    }

    private synchronized double count(AccessibilityRule rule) {
        return published.values().stream().filter(f -> !f.getDraft())
                .flatMap(f -> f.getFindings().stream())
                .filter(finding -> finding.getRule().equals(rule.name()))
                .count();
    }

    private static AccessibilityFindingRecord record(AccessibilityFinding finding) {
        return AccessibilityFindingRecord.newBuilder().setRule(finding.rule().name()).setMessage(finding.message())
                .setExcerpt(finding.excerpt()).setLine(finding.line()).build();
    }
}
