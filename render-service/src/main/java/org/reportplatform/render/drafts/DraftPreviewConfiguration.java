package org.reportplatform.render.drafts;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import org.reportplatform.platform.log.FollowerSettings;
import org.reportplatform.platform.log.LogFollower;
import org.reportplatform.render.RenderProperties;
import org.reportplatform.render.accessibility.AccessibilityReview;
import org.reportplatform.render.preview.ChapterPreviews;
import org.reportplatform.render.publishing.OutputPublisher;
import org.reportplatform.render.publishing.PublishedOutputs;
import org.reportplatform.render.sharing.OutputOwnership;
import org.reportplatform.render.rendering.DocumentRenderer;
import org.reportplatform.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.ConsumerFactory;

/** The drafts' previews: the follower of {@code report.drafts.v1}, the renderer, the two workers. */
@Configuration(proxyBeanMethods = false)
public class DraftPreviewConfiguration {

    @Bean
    OpenDrafts openDrafts(OutputOwnership ownership) {
        return new OpenDrafts(ownership);
    }

    @Bean
    DraftRenderer draftRenderer(ChapterPreviews previews, DocumentRenderer documents) {
        return new DraftRenderer(previews, documents);
    }

    @Bean
    DraftPageWorker draftPageWorker(OpenDrafts drafts, DraftRenderer renderer, PublishedOutputs published, OutputPublisher publisher,
            AccessibilityReview accessibility, RenderProperties properties, MeterRegistry meters) {
        return new DraftPageWorker(drafts, renderer, new PreviewPublication(published, publisher), accessibility, properties, meters);
    }

    @Bean
    DraftDocumentWorker draftDocumentWorker(OpenDrafts drafts, DraftRenderer renderer, PublishedOutputs published,
            OutputPublisher publisher, RenderProperties properties, MeterRegistry meters) {
        return new DraftDocumentWorker(drafts, renderer, new PreviewPublication(published, publisher), properties, meters);
    }

    @Bean
    DraftFollower draftFollower(ConsumerFactory<String, Object> consumers, OpenDrafts drafts, DraftPageWorker pages,
            DraftDocumentWorker documents) {
        LogFollower<String, Object> log = new LogFollower<>(consumers, List.of(Topics.DRAFTS.name()), FollowerSettings.named("render-drafts"));
        return new DraftFollower(log, drafts, () -> {
            pages.signal();
            documents.signal();
        });
    }

    @Bean
    DraftPreviews draftPreviews(OpenDrafts drafts, DraftFollower follower, DraftPageWorker pages, DraftDocumentWorker documents) {
        return new DraftPreviews(drafts, follower, pages, documents);
    }
}
