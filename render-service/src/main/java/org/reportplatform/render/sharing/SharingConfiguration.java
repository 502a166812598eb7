package org.reportplatform.render.sharing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Properties;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.CooperativeStickyAssignor;
import org.reportplatform.platform.log.LogFollower;
import org.reportplatform.render.drafts.DraftPreviews;
import org.reportplatform.render.publishing.DocumentWorker;
import org.reportplatform.render.publishing.PublishedOutputs;
import org.reportplatform.render.publishing.RebuildWorker;
import org.reportplatform.render.site.Site;
import org.reportplatform.schemas.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/** Several instances sharing the outputs: who owns what, and the group that decides it. */
@Configuration(proxyBeanMethods = false)
public class SharingConfiguration {

    @Bean
    OutputOwnership outputOwnership(SharingProperties sharing, MeterRegistry meters) {
        OutputOwnership ownership = sharing.enabled() ? OutputOwnership.shared() : OutputOwnership.everything();
        Gauge.builder("report.render.ownership.partitions", ownership, o -> o.partitions().size())
                .description("Partitions of report.render-ownership.v1 whose outputs this instance renders (all 12 when alone)")
                .register(meters);
        return ownership;
    }

    @Bean
    OwnershipGroup ownershipGroup(SharingProperties sharing, OutputOwnership ownership,
            ConcurrentKafkaListenerContainerFactory<String, Object> factory, Site site, PublishedOutputs published,
            LogFollower<String, Object> publishedLog, RebuildWorker pages, DocumentWorker documents, DraftPreviews drafts,
            KafkaTemplate<String, SpecificRecord> template) {
        if (!sharing.enabled()) {
            return new OwnershipGroup(null, ownership);
        }
        ConcurrentMessageListenerContainer<String, Object> container = factory.createContainer(Topics.RENDER_OWNERSHIP.name());
        container.getContainerProperties().setGroupId(sharing.groupId());
        container.getContainerProperties().setClientId("render-ownership-" + sharing.instanceId());
        Properties consumer = new Properties();
        // A crashed instance's outputs go to the others once the group has not heard from it for this long.
        consumer.setProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, Long.toString(sharing.sessionTimeout().toMillis()));
        consumer.setProperty(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, Long.toString(sharing.sessionTimeout().toMillis() / 3));
        // Cooperative rebalancing: only the partitions that change owner are revoked; every other
        // output keeps its owner and is rendered without a pause while instances come and go.
        consumer.setProperty(ConsumerConfig.PARTITION_ASSIGNMENT_STRATEGY_CONFIG, CooperativeStickyAssignor.class.getName());
        container.getContainerProperties().setKafkaConsumerProperties(consumer);
        container.getContainerProperties().setConsumerRebalanceListener(
                new Handover(ownership, site, published, publishedLog, pages, documents, drafts, template));
        // The topic never holds a record: the group's assignment is all this consumer is for.
        container.getContainerProperties().setMessageListener((MessageListener<String, Object>) record -> { });
        container.setAutoStartup(false);
        return new OwnershipGroup(container, ownership);
    }
}
