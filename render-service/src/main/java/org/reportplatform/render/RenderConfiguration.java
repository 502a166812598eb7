package org.reportplatform.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import io.micrometer.tracing.Tracer;
import org.reportplatform.platform.chapters.ChapterProperties;
import org.reportplatform.platform.log.LogFollower;
import org.apache.kafka.clients.admin.Admin;
import org.reportplatform.platform.observability.ConsumerGroupLag;
import org.reportplatform.platform.observability.CurrentTraceparent;
import org.reportplatform.platform.observability.ObservabilityProperties;
import org.reportplatform.render.accessibility.AccessibilityReview;
import org.reportplatform.render.deadletters.DeadLetterReader;
import org.reportplatform.render.accessibility.AccessibilityReview;
import org.reportplatform.render.deadletters.DeadLetterService;
import org.reportplatform.render.accessibility.AccessibilityReview;
import org.reportplatform.render.deadletters.DeadLetters;
import org.reportplatform.render.accessibility.AccessibilityReview;
import org.reportplatform.render.deadletters.ReplayedDeadLetters;
import org.reportplatform.render.drafts.DraftPreviews;
import org.reportplatform.render.ops.FullRebuilds;
import org.reportplatform.render.preview.ChapterPreviews;
import org.reportplatform.render.publishing.DocumentWorker;
import org.reportplatform.render.publishing.EditToLive;
import org.reportplatform.render.publishing.RebuildProgress;
import org.reportplatform.render.publishing.OutputPublisher;
import org.reportplatform.render.publishing.PublishedOutputs;
import org.reportplatform.render.publishing.RebuildWorker;
import org.reportplatform.render.publishing.SourceListener;
import org.reportplatform.render.rendering.ChartRenderer;
import org.reportplatform.render.rendering.DocumentRenderer;
import org.reportplatform.render.rendering.HtmlSanitizer;
import org.reportplatform.render.rendering.MarkdownRenderer;
import org.reportplatform.render.rendering.PageRenderer;
import org.reportplatform.render.sharing.OutputOwnership;
import org.reportplatform.render.sharing.OwnershipGroup;
import org.reportplatform.render.sharing.SharingProperties;
import org.reportplatform.render.site.Site;
import org.reportplatform.render.startup.StartupSequence;
import org.reportplatform.schemas.Topic;
import org.reportplatform.schemas.Topics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.DefaultErrorHandler;

/** Wires the render service's parts (plain classes, so they can be unit-tested without Spring). */
@Configuration(proxyBeanMethods = false)
public class RenderConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    TemplateEngine templateEngine() {
        return TemplateEngine.createPrecompiled(ContentType.Html);
    }

    @Bean
    MarkdownRenderer markdownRenderer() {
        return new MarkdownRenderer(new HtmlSanitizer());
    }

    @Bean
    ChartRenderer chartRenderer() {
        return new ChartRenderer();
    }

    @Bean
    PageRenderer pageRenderer(TemplateEngine templates, MarkdownRenderer markdown, ChartRenderer charts, MeterRegistry meters) {
        return new PageRenderer(templates, markdown, charts, meters);
    }

    @Bean
    DocumentRenderer documentRenderer(TemplateEngine templates, MarkdownRenderer markdown, ChartRenderer charts, MeterRegistry meters) {
        return new DocumentRenderer(templates, markdown, charts, meters);
    }

    @Bean
    Site site(PageRenderer pages, DocumentRenderer documents, OutputOwnership ownership) {
        return new Site(pages, documents, ownership);
    }

    @Bean
    ChapterPreviews chapterPreviews(Site site, PageRenderer pages, ChapterProperties limits, MeterRegistry meters) {
        return new ChapterPreviews(site, pages, limits, meters);
    }

    @Bean
    PublishedOutputs publishedOutputs() {
        return new PublishedOutputs();
    }

    @Bean
    OutputPublisher outputPublisher(KafkaTemplate<String, SpecificRecord> template, Clock clock, RenderProperties properties,
            OutputOwnership ownership, SharingProperties sharing) {
        return new OutputPublisher(template, clock, properties.sendTimeout(), ownership, sharing.instanceId());
    }

    @Bean
    EditToLive editToLive(Clock clock, MeterRegistry meters) {
        return new EditToLive(clock, meters);
    }

    @Bean
    RebuildProgress rebuildProgress() {
        return new RebuildProgress();
    }

    @Bean
    RebuildWorker rebuildWorker(Site site, PublishedOutputs published, OutputPublisher publisher, RenderProperties properties,
            MeterRegistry meters, EditToLive editToLive, RebuildProgress progress) {
        return new RebuildWorker(site, published, publisher, properties, meters, editToLive, progress);
    }

    @Bean
    DocumentWorker documentWorker(Site site, PublishedOutputs published, OutputPublisher publisher, RenderProperties properties,
            MeterRegistry meters, EditToLive editToLive, RebuildProgress progress) {
        return new DocumentWorker(site, published, publisher, properties, meters, editToLive, progress);
    }

    @Bean
    FullRebuilds fullRebuilds(RebuildWorker pages, DocumentWorker documents, RebuildProgress progress, Clock clock) {
        return new FullRebuilds(pages, documents, progress, clock);
    }

    @Bean
    DeadLetters deadLetters(ProducerFactory<?, ?> producers, MeterRegistry meters) {
        return new DeadLetters(producers, meters);
    }

    @Bean
    DeadLetterService deadLetterService(ConsumerFactory<String, Object> consumers,
            KafkaTemplate<String, SpecificRecord> template, SourceListener listener, Clock clock, ObjectProvider<Tracer> tracer,
            RenderProperties properties, MeterRegistry meters) {
        return new DeadLetterService(new DeadLetterReader(consumers, Duration.ofSeconds(10)),
                new ReplayedDeadLetters(ReplayedDeadLetters.log(consumers, properties.startupTimeout()), template, properties.sendTimeout()), listener, clock, new CurrentTraceparent(tracer),
                meters);
    }

    /** Picked up by Boot's listener container factory. */
    @Bean
    DefaultErrorHandler sourceErrorHandler(DeadLetters deadLetters) {
        return deadLetters.errorHandler();
    }

    @Bean
    SourceListener sourceListener(Site site, RebuildWorker worker, DocumentWorker documents, DraftPreviews drafts,
            AccessibilityReview accessibility, MeterRegistry meters) {
        return new SourceListener(site, worker, documents, drafts, accessibility, meters);
    }

    @Bean
    AccessibilityReview accessibilityReview(KafkaTemplate<String, SpecificRecord> template, Clock clock, RenderProperties properties,
            MeterRegistry meters) {
        return new AccessibilityReview(template, clock, properties.sendTimeout(), meters);
    }

    /**
     * The live consumer of the source topics, from Boot's container factory (platform
     * consumer settings, the dead-letter error handler). Not started with the context: the
     * start-up sequence starts it once the replay and the first full render are done.
     */
    @Bean
    ConcurrentMessageListenerContainer<String, Object> sourceListenerContainer(
            ConcurrentKafkaListenerContainerFactory<String, Object> factory, SourceListener listener, RenderProperties properties,
            SharingProperties sharing) {
        ConcurrentMessageListenerContainer<String, Object> container =
                factory.createContainer(Topics.SOURCES.stream().map(Topic::name).toArray(String[]::new));
        // Every instance applies every source event (its state is the whole report): a group of its own each.
        container.getContainerProperties().setGroupId(sharing.listenerGroup(properties.groupId()));
        // The writers publish in transactions: the last record of each is followed by a commit
        // marker that no poll returns, so without this the group's committed offset stops one
        // short of the end and its lag never reads 0 once caught up.
        container.getContainerProperties().setFixTxOffsets(true);
        container.getContainerProperties().setMessageListener(listener);
        container.setAutoStartup(false);
        return container;
    }

    /** The lag of this instance's source listener, per partition: {@code report.kafka.consumer.group.lag}. */
    @Bean
    ConsumerGroupLag consumerGroupLag(Admin observabilityAdmin, ObservabilityProperties observability, RenderProperties properties,
            SharingProperties sharing, MeterRegistry meters) {
        return new ConsumerGroupLag(observabilityAdmin, List.of(sharing.listenerGroup(properties.groupId())),
                observability.consumerLagRefresh(), meters);
    }

    /** What the render service published: read at start, to republish only what changed. */
    @Bean
    LogFollower<String, Object> publishedLog(ConsumerFactory<String, Object> consumers, RenderProperties properties) {
        return new LogFollower<>(consumers, List.of(Topics.PAGES.name(), Topics.DOCUMENTS.name(), Topics.PREVIEWS.name(),
                Topics.ACCESSIBILITY.name()),
                StartupSequence.readSettings("published", properties));
    }

    /** The source topics, replayed at start into the site. */
    @Bean
    LogFollower<String, Object> sourceLog(ConsumerFactory<String, Object> consumers, RenderProperties properties) {
        return new LogFollower<>(consumers, Topics.SOURCES.stream().map(Topic::name).toList(),
                StartupSequence.readSettings("replay", properties));
    }

    @Bean
    StartupSequence startupSequence(LogFollower<String, Object> publishedLog, LogFollower<String, Object> sourceLog,
            PublishedOutputs published, Site site, RebuildWorker worker, DocumentWorker documents,
            ConcurrentMessageListenerContainer<String, Object> sourceListenerContainer, DraftPreviews drafts,
            AccessibilityReview accessibility, OwnershipGroup ownershipGroup, ApplicationEventPublisher events,
            RenderProperties properties) {
        return new StartupSequence(publishedLog, sourceLog, published, site, worker, documents, sourceListenerContainer, drafts,
                accessibility, ownershipGroup, events, properties);
    }
}
