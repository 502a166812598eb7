package org.reportplatform.render;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.render.publishing.DocumentWorker;
import org.reportplatform.render.publishing.OutputPublisher;
import org.reportplatform.render.publishing.PublishedOutputs;
import org.reportplatform.render.publishing.RebuildWorker;
import org.reportplatform.render.rendering.ChartRenderer;
import org.reportplatform.render.rendering.DocumentRenderer;
import org.reportplatform.render.rendering.HtmlSanitizer;
import org.reportplatform.render.rendering.MarkdownRenderer;
import org.reportplatform.render.rendering.PageRenderer;
import org.reportplatform.render.site.Site;
import org.reportplatform.render.sources.DeadLetters;
import org.reportplatform.render.sources.SourceListener;
import org.reportplatform.render.startup.LogReader;
import org.reportplatform.render.startup.StartupSequence;
import org.reportplatform.schemas.Topics;
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
    Site site(PageRenderer pages, DocumentRenderer documents) {
        return new Site(pages, documents);
    }

    @Bean
    PublishedOutputs publishedOutputs() {
        return new PublishedOutputs();
    }

    @Bean
    OutputPublisher outputPublisher(KafkaTemplate<String, SpecificRecord> template, Clock clock, RenderProperties properties) {
        return new OutputPublisher(template, clock, properties.sendTimeout());
    }

    @Bean
    RebuildWorker rebuildWorker(Site site, PublishedOutputs published, OutputPublisher publisher, RenderProperties properties,
            MeterRegistry meters) {
        return new RebuildWorker(site, published, publisher, properties, meters);
    }

    @Bean
    DocumentWorker documentWorker(Site site, PublishedOutputs published, OutputPublisher publisher, RenderProperties properties,
            MeterRegistry meters) {
        return new DocumentWorker(site, published, publisher, properties, meters);
    }

    @Bean
    DeadLetters deadLetters(ProducerFactory<?, ?> producers) {
        return new DeadLetters(producers);
    }

    /** Picked up by Boot's listener container factory. */
    @Bean
    DefaultErrorHandler sourceErrorHandler(DeadLetters deadLetters) {
        return deadLetters.errorHandler();
    }

    @Bean
    SourceListener sourceListener(Site site, RebuildWorker worker, DocumentWorker documents, MeterRegistry meters) {
        return new SourceListener(site, worker, documents, meters);
    }

    /**
     * The live consumer of the three source topics, from Boot's container factory (platform
     * consumer settings, the dead-letter error handler). Not started with the context: the
     * start-up sequence starts it once the replay and the first full render are done.
     */
    @Bean
    ConcurrentMessageListenerContainer<String, Object> sourceListenerContainer(
            ConcurrentKafkaListenerContainerFactory<String, Object> factory, SourceListener listener, RenderProperties properties) {
        ConcurrentMessageListenerContainer<String, Object> container =
                factory.createContainer(Topics.CHAPTERS.name(), Topics.INDICATORS.name(), Topics.DATASETS.name());
        container.getContainerProperties().setGroupId(properties.groupId());
        container.getContainerProperties().setMessageListener(listener);
        container.setAutoStartup(false);
        return container;
    }

    @Bean
    LogReader logReader(ConsumerFactory<String, Object> consumers, RenderProperties properties) {
        return new LogReader(consumers, Duration.ofSeconds(10), properties.startupTimeout());
    }

    @Bean
    StartupSequence startupSequence(LogReader reader, PublishedOutputs published, Site site, RebuildWorker worker,
            DocumentWorker documents, ConcurrentMessageListenerContainer<String, Object> sourceListenerContainer,
            ApplicationEventPublisher events, RenderProperties properties) {
        return new StartupSequence(reader, published, site, worker, documents, sourceListenerContainer, events, properties);
    }
}
