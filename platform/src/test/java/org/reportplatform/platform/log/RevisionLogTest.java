package org.reportplatform.platform.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.revisions.RevisionHistory;
import org.reportplatform.platform.revisions.RevisionSummary;
import org.reportplatform.platform.revisions.Revisioned;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.AvroSerializer;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.DraftChanged;
import org.reportplatform.schemas.DraftState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.Topics;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.DefaultTransactionIdSuffixStrategy;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A writer keeps positions, not old events: what it wrote is read back from a real broker at the
 * positions Kafka acknowledged, and a replay of the topic gives the same summaries and positions.
 */
class RevisionLogTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    static final Revisioned<ChapterChanged, ChapterState> CHAPTERS = new Revisioned<>(
            e -> Topics.sourceKey(e.getEdition(), e.getSlug()), ChapterChanged::getRevision,
            ChapterChanged::getMetadata, ChapterChanged::getChapter);

    private static KafkaTemplate<String, SpecificRecord> template;
    private static ConsumerFactory<String, Object> consumers;

    @BeforeAll
    static void topicAndClients() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            // The drafts topic takes small records only, so that a test can make Kafka refuse one send of a transaction.
            admin.createTopics(List.of(new NewTopic(Topics.CHAPTERS.name(), 3, (short) 1),
                    new NewTopic(Topics.DRAFTS.name(), 1, (short) 1).configs(Map.of("max.message.bytes", "4096")))).all().get();
        }
        DefaultKafkaProducerFactory<String, SpecificRecord> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new AvroSerializer());
        producers.setTransactionIdPrefix("revision-log-test-" + UUID.randomUUID() + "-");
        template = new KafkaTemplate<>(producers);
        consumers = new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class));
    }

    @Test
    void whatIsWrittenIsReadBackAtItsPositionAndAReplayFindsTheSamePositions() {
        // Given a writer whose history keeps summaries and positions
        RevisionHistory<ChapterChanged, ChapterState> written = CHAPTERS.newHistory(readers.get(0)::read);
        RevisionLog<ChapterChanged> log = log(written);
        log.start();

        // When it writes revisions of two chapters, two of them in one transaction
        ChapterChanged first = event("enfants", 1, "Premier texte.\n");
        ChapterChanged second = event("enfants", 2, "Deuxième texte.\n");
        ChapterChanged other = event("femmes", 1, "Texte.\n");
        ChapterChanged third = event("enfants", 3, "Troisième texte.\n");
        log.write(() -> Decision.publish(first, null));
        log.write(() -> new Decision<>(List.of(second, other), null));
        log.write(() -> Decision.publish(third, null));

        // Then old revisions are read back from the topic exactly as written
        assertThat(written.at("2024/enfants", 1)).contains(first);
        assertThat(written.at("2024/enfants", List.of(2L, 1L, 3L))).containsExactly(second, first, third);
        assertThat(written.events("2024/femmes")).containsExactly(other);
        assertThat(written.summaries("2024/enfants")).extracting(RevisionSummary::changed)
                .containsExactly(List.of("title", "body", "position", "ownerTeam", "language", "errata"), List.of("body"), List.of("body"));

        // When another history replays the topic from the beginning
        RevisionHistory<ChapterChanged, ChapterState> replayed = CHAPTERS.newHistory(readers.get(1)::read);
        log(replayed).start();

        // Then it holds the same summaries and reads back the same events (its positions are the topic's)
        for (String key : List.of("2024/enfants", "2024/femmes")) {
            assertThat(replayed.summaries(key)).isEqualTo(written.summaries(key));
            assertThat(replayed.events(key)).isEqualTo(written.events(key));
        }
        List<ConsumerRecord<String, SpecificRecord>> records = new TopicReader(kafka.bootstrapServers()).records(Topics.CHAPTERS);
        assertThat(records).filteredOn(r -> r.key().equals("2024/enfants")).extracting(ConsumerRecord::value)
                .containsExactly(first, second, third);
    }

    @Test
    void aPositionThatHoldsNoRecordIsAnErrorNotAnotherRecordAndTheNextReadWorks() {
        // Given a record on the topic
        ChapterChanged event = event("migrants", 1, "Texte.\n");
        RevisionHistory<ChapterChanged, ChapterState> history = CHAPTERS.newHistory(readers.get(2)::read);
        RevisionLog<ChapterChanged> log = log(history);
        log.start();
        log.write(() -> Decision.publish(event, null));
        log.write(() -> Decision.publish(event("migrants", 2, "Suite.\n"), null));

        // When a position past the end of a partition is read, it is an error naming it
        assertThatThrownBy(() -> readers.get(2).read(new LogPosition(0, 1_000_000)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no record at 0@1000000 of report.chapters.v1");

        // Then the same reader still reads what is there
        assertThat(history.at("2024/migrants", 1)).contains(event);
    }

    @Test
    void aJointWriteCommitsTheEventsOfBothLogsOrNeither() {
        // Given a chapter log and a draft log of one writer, sharing its transactional template
        RevisionHistory<ChapterChanged, ChapterState> chapters = CHAPTERS.newHistory(readers.get(0)::read);
        RevisionHistory<DraftChanged, DraftState> drafts = DRAFTS.newHistory(positions -> List.of());
        RevisionLog<ChapterChanged> chapterLog = log(chapters);
        RevisionLog<DraftChanged> draftLog = new RevisionLog<>(Topics.DRAFTS, drafts.keyOf(), drafts::apply, template, consumers,
                Duration.ofSeconds(10));
        chapterLog.start();
        draftLog.start();

        // When a draft is published: the chapter's revision and the draft's close in one joint write
        ChapterChanged published = event("defenseurs", 1, "Texte publié.\n");
        DraftChanged closed = draft("defenseurs", 2, "x");
        String answer = chapterLog.writeWith(draftLog, () -> new JointDecision<>(List.of(published), List.of(closed), "publié"));

        // Then both logs applied their event, and both are on their topics
        assertThat(answer).isEqualTo("publié");
        assertThat(chapters.latest("2024/defenseurs")).contains(published);
        assertThat(drafts.latest("2024/defenseurs")).contains(closed);
        TopicReader topics = new TopicReader(kafka.bootstrapServers());
        assertThat(topics.values(Topics.DRAFTS)).contains(closed);

        // When Kafka refuses the draft's record (too large for its topic) in the next joint write
        ChapterChanged refusedChapter = event("defenseurs", 2, "Texte jamais publié.\n");
        DraftChanged refusedDraft = draft("defenseurs", 3, "y".repeat(8192));
        assertThatThrownBy(() -> draftLog.writeWith(chapterLog,
                () -> new JointDecision<>(List.of(refusedDraft), List.of(refusedChapter), null)))
                .isInstanceOf(LogUnavailableException.class).hasMessageContaining("report.drafts.v1");

        // Then neither log applied anything, and a read-committed reader sees neither event, even
        // after a later write to the chapters is visible
        assertThat(chapters.latest("2024/defenseurs")).contains(published);
        assertThat(drafts.latest("2024/defenseurs")).contains(closed);
        ChapterChanged later = event("comite", 1, "Plus tard.\n");
        chapterLog.write(() -> Decision.publish(later, null));
        List<SpecificRecord> onChapters = topics.records(Topics.CHAPTERS).stream().map(ConsumerRecord::value).toList();
        assertThat(onChapters).contains(published, later).doesNotContain(refusedChapter);
        assertThat(topics.values(Topics.DRAFTS)).doesNotContain(refusedDraft);
    }

    @Test
    void aCommitKafkaRecordedButDidNotConfirmIsSettledBeforeTheNextWriteIsDecided() {
        // Given a writer whose producer loses the answer to a commit Kafka recorded (as when the
        // node coordinating the transaction dies once it has written the commit)
        AtomicInteger unansweredCommits = new AtomicInteger();
        RevisionHistory<ChapterChanged, ChapterState> history = CHAPTERS.newHistory(readers.get(0)::read);
        RevisionLog<ChapterChanged> log = new RevisionLog<>(Topics.CHAPTERS, history.keyOf(), history::apply,
                losingCommitAnswers(unansweredCommits), consumers, Duration.ofSeconds(10));
        log.start();
        log.write(() -> Decision.publish(event("reponse", 1, "Premier texte.\n"), null));

        // When the commit of revision 2 goes unanswered
        unansweredCommits.set(1);
        assertThatThrownBy(() -> log.write(() -> Decision.publish(event("reponse", 2, "Deuxième texte.\n"), null)))
                .isInstanceOf(WriteOutcomeUnknownException.class).hasMessageContaining("did not confirm");

        // Then the next write is decided on a state that holds revision 2: it publishes revision 3, not a second 2
        ChapterChanged next = log.write(() -> {
            ChapterChanged change = event("reponse", history.lastRevision("2024/reponse").orElse(0) + 1, "Troisième texte.\n");
            return Decision.publish(change, change);
        });
        assertThat(next.getRevision()).isEqualTo(3);
        assertThat(new TopicReader(kafka.bootstrapServers()).records(Topics.CHAPTERS)).filteredOn(r -> r.key().equals("2024/reponse"))
                .extracting(r -> ((ChapterChanged) r.value()).getRevision()).containsExactly(1L, 2L, 3L);
    }

    /**
     * A transactional template like a writer's (one transactional id), whose producers, while
     * {@code unanswered} is above 0, commit and then throw as if the answer never came.
     */
    @SuppressWarnings("unchecked")
    private static KafkaTemplate<String, SpecificRecord> losingCommitAnswers(AtomicInteger unanswered) {
        DefaultKafkaProducerFactory<String, SpecificRecord> producers = new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new AvroSerializer());
        producers.setTransactionIdPrefix("revision-log-settle-" + UUID.randomUUID() + "-");
        producers.setTransactionIdSuffixStrategy(new DefaultTransactionIdSuffixStrategy(1));
        producers.addPostProcessor(producer -> (Producer<String, SpecificRecord>) Proxy.newProxyInstance(
                Producer.class.getClassLoader(), new Class<?>[] {Producer.class}, (proxy, method, arguments) -> {
                    Object result;
                    try {
                        result = method.invoke(producer, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().equals("commitTransaction") && unanswered.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        throw new TimeoutException("the answer to the commit was lost (test)");
                    }
                    return result;
                }));
        return new KafkaTemplate<>(producers);
    }

    private static final Revisioned<DraftChanged, DraftState> DRAFTS = new Revisioned<>(
            e -> Topics.sourceKey(e.getEdition(), e.getSlug()), DraftChanged::getRevision,
            DraftChanged::getMetadata, DraftChanged::getDraft);

    private static DraftChanged draft(String slug, long revision, String body) {
        return DraftChanged.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(Instant.parse("2025-03-01T10:00:00Z")).setActor(slug).build())
                .setEdition("2024").setSlug(slug).setRevision(revision)
                .setDraft(DraftState.newBuilder().setTitle("Titre").setBody(body).setBaseRevision(0)
                        .setReview(org.reportplatform.schemas.ReviewState.EDITING).build())
                .build();
    }

    private final List<RevisionReader<ChapterChanged>> readers = List.of(reader(), reader(), reader());

    @AfterEach
    void closeReaders() {
        readers.forEach(RevisionReader::close);
    }

    private static RevisionReader<ChapterChanged> reader() {
        return new RevisionReader<>(Topics.CHAPTERS, consumers, Duration.ofSeconds(10));
    }

    private static RevisionLog<ChapterChanged> log(RevisionHistory<ChapterChanged, ChapterState> history) {
        return new RevisionLog<>(Topics.CHAPTERS, history.keyOf(), history::apply, template, consumers, Duration.ofSeconds(10));
    }

    private static ChapterChanged event(String slug, long revision, String body) {
        return ChapterChanged.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(Instant.parse("2025-03-01T10:00:00Z").plusSeconds(revision)).setActor(slug).build())
                .setEdition("2024").setSlug(slug).setRevision(revision)
                .setChapter(ChapterState.newBuilder().setTitle("Titre " + slug).setBody(body).setPosition(1)
                        .setOwnerTeam(slug).setLanguage("fr").build())
                .build();
    }
}
