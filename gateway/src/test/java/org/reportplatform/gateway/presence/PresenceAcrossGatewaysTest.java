package org.reportplatform.gateway.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.gateway.testing.GatewayInstance;
import org.reportplatform.gateway.testing.TopicPublisher;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.PresenceChanged;
import org.reportplatform.schemas.Topics;

/**
 * Who has a chapter open, across two gateways on one real broker: what one replica is told, the
 * other lists; nobody is listed to themselves; a person who left, or who has not been seen within
 * the window, is no longer listed; the topic gets one record per refresh, not per poll.
 */
class PresenceAcrossGatewaysTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final Caller AMINA = new Caller("demo-enfants", "Amina Diallo", Set.of(), Set.of("enfants"), null);
    private static final Caller CLAIRE = new Caller("demo-admin", "Claire Dubois", Set.of(Role.ADMIN), Set.of(), null);
    private static final Caller JEAN = new Caller("demo-reviewer", "Jean Morel", Set.of(Role.REVIEWER), Set.of(), null);
    /**
     * Short enough for a test to see a person go stale without "left", long enough for a write to
     * reach the other replica on a busy machine; the refresh stays below it.
     */
    private static final String[] SETTINGS = {"--report.gateway.presence.window=8s", "--report.gateway.presence.refresh=1s"};

    @Test
    void aPersonHereOnOneGatewayIsListedOnTheOtherUntilTheyLeave() {
        TopicPublisher.createTopics(kafka.bootstrapServers());
        try (GatewayInstance a = GatewayInstance.start(kafka.bootstrapServers(), SETTINGS);
                GatewayInstance b = GatewayInstance.start(kafka.bootstrapServers(), SETTINGS)) {
            ChapterPresence onA = a.bean(ChapterPresence.class);
            ChapterPresence onB = b.bean(ChapterPresence.class);
            // (each gateway's producer makes its first, slow, connection on another chapter)
            onA.here("2023", "echauffement", JEAN).block(Duration.ofSeconds(30));
            onB.here("2023", "echauffement", JEAN).block(Duration.ofSeconds(30));

            // Given Amina opens "enfants" through gateway A
            onA.here("2024", "enfants", AMINA).block(Duration.ofSeconds(10));

            // Then Claire, on gateway B, sees her on that chapter, and not on another
            await().atMost(Duration.ofSeconds(10)).until(() -> onB.others("2024", "enfants", CLAIRE).equals(List.of("Amina Diallo")));
            assertThat(onB.others("2024", "migrants", CLAIRE)).isEmpty();
            assertThat(onB.others("2023", "enfants", CLAIRE)).isEmpty();
            // and Amina is listed to nobody as herself, on either gateway
            assertThat(onA.others("2024", "enfants", AMINA)).isEmpty();
            assertThat(onB.others("2024", "enfants", AMINA)).isEmpty();

            // When Claire opens it too through B, and Jean through A: each sees the others, by name
            onB.here("2024", "enfants", CLAIRE).block(Duration.ofSeconds(10));
            onA.here("2024", "enfants", JEAN).block(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> onA.others("2024", "enfants", AMINA).equals(List.of("Claire Dubois", "Jean Morel")));
            await().atMost(Duration.ofSeconds(10)).until(() -> onB.others("2024", "enfants", CLAIRE).equals(List.of("Amina Diallo", "Jean Morel")));

            // When Amina leaves (on A): B no longer lists her, Jean still is
            onA.left("2024", "enfants", AMINA).block(Duration.ofSeconds(10));
            await().atMost(Duration.ofSeconds(10)).until(() -> onB.others("2024", "enfants", CLAIRE).equals(List.of("Jean Morel")));

            // When Jean is not seen any more (his browser went away without leaving): gone after the window
            await().atMost(Duration.ofSeconds(20)).until(() -> onB.others("2024", "enfants", CLAIRE).isEmpty());
        }
    }

    @Test
    void hereIsWrittenOncePerRefreshAndAgainAtOnceAfterLeaving() {
        TopicPublisher.createTopics(kafka.bootstrapServers());
        try (GatewayInstance a = GatewayInstance.start(kafka.bootstrapServers(), "--report.gateway.presence.refresh=1h")) {
            ChapterPresence presence = a.bean(ChapterPresence.class);

            // Given Amina's editor says "here" five times in a row on "femmes"
            for (int i = 0; i < 5; i++) {
                presence.here("2024", "femmes", AMINA).block(Duration.ofSeconds(10));
            }
            // When she leaves, then comes back (within the refresh)
            presence.left("2024", "femmes", AMINA).block(Duration.ofSeconds(10));
            presence.here("2024", "femmes", AMINA).block(Duration.ofSeconds(10));
            presence.here("2024", "femmes", AMINA).block(Duration.ofSeconds(10));
            // and, later, Claire arrives (the last record, after everything above)
            presence.here("2024", "femmes", CLAIRE).block(Duration.ofSeconds(10));

            // Then the topic holds, before Claire's record: one presence, the tombstone, one presence again
            List<ConsumerRecord<String, SpecificRecord>> records = new TopicReader(kafka.bootstrapServers()).records(Topics.PRESENCE).stream()
                    .filter(r -> r.key().startsWith("2024/femmes/")).toList();
            assertThat(records).extracting(ConsumerRecord::key).containsExactly(
                    "2024/femmes/demo-enfants", "2024/femmes/demo-enfants", "2024/femmes/demo-enfants", "2024/femmes/demo-admin");
            assertThat(records).extracting(r -> r.value() == null ? "left" : ((PresenceChanged) r.value()).getDisplayName())
                    .containsExactly("Amina Diallo", "left", "Amina Diallo", "Claire Dubois");
            PresenceChanged first = (PresenceChanged) records.get(0).value();
            assertThat(Duration.between(first.getSeenAt(), first.getExpiresAt())).isEqualTo(Duration.ofSeconds(30));
        }
    }
}
