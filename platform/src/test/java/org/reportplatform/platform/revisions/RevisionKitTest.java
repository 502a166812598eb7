package org.reportplatform.platform.revisions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.errors.ApiErrorHandler;
import org.reportplatform.platform.errors.ApiException;
import org.reportplatform.platform.log.Decision;
import org.reportplatform.platform.log.RevisionReader;
import org.reportplatform.platform.log.RevisionLog;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.AvroSerializer;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.ChapterState;
import org.reportplatform.schemas.EventMetadata;
import org.reportplatform.schemas.Topic;
import org.reportplatform.schemas.Topics;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.ResolvableType;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A new family of resources ("notes", carried by chapter events on a topic of their own) plugged
 * into the revision kit as its Javadoc shows, against a real broker: its beans, its book, its
 * history endpoints, and a restart that replays the same history.
 */
class RevisionKitTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    static final Topic<ChapterChanged> NOTES_TOPIC =
            new Topic<>("kit-test.notes.v1", ChapterChanged.class, 2, Topic.Retention.FOREVER, 1024 * 1024);

    /** A note as its API shows it. */
    record Note(String edition, String slug, String title, String body, long revision) implements AtRevision {

        static Note of(ChapterChanged event) {
            return new Note(event.getEdition(), event.getSlug(), event.getChapter().getTitle(), event.getChapter().getBody(),
                    event.getRevision());
        }
    }

    // What is specific to notes: the kit does the rest.
    static final ResourceFamily<ChapterChanged, ChapterState, Note> NOTES = new ResourceFamily<>("note", NOTES_TOPIC,
            new Revisioned<>(e -> Topics.sourceKey(e.getEdition(), e.getSlug()), ChapterChanged::getRevision,
                    ChapterChanged::getMetadata, ChapterChanged::getChapter),
            Note::of, Comparator.comparing(Note::slug), List.of("body"));

    static final class NoteBeans extends RevisionBeans<ChapterChanged, ChapterState, Note, RevisionBook<ChapterChanged, ChapterState, Note>> {
        NoteBeans() {
            super(NOTES);
        }
    }

    @Configuration
    @Import(NoteBeans.class)
    static class NotesConfiguration {

        @Bean
        KafkaTemplate<String, SpecificRecord> kafkaTemplate() {
            DefaultKafkaProducerFactory<String, SpecificRecord> producers = new DefaultKafkaProducerFactory<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                    new StringSerializer(), new AvroSerializer());
            producers.setTransactionIdPrefix("revision-kit-test-" + UUID.randomUUID() + "-");
            return new KafkaTemplate<>(producers);
        }

        @Bean
        ConsumerFactory<String, Object> consumerFactory() {
            return new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                    ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, AvroDeserializer.class));
        }

        /** Injected by their generic types, as a service's writes and controllers are. */
        @Bean
        NoteWrites noteWrites(RevisionBook<ChapterChanged, ChapterState, Note> book, RevisionLog<ChapterChanged> noteLog) {
            return new NoteWrites(book, noteLog);
        }
    }

    /** The writes of notes: a PUT without rules, a delete, and a restore of the body. */
    record NoteWrites(RevisionBook<ChapterChanged, ChapterState, Note> book, RevisionLog<ChapterChanged> log) {

        Written<Note> put(String edition, String slug, String body) {
            return log.write(() -> {
                ChapterChanged event = event(edition, slug, next(edition, slug), body);
                return Decision.publish(event, new Written<>(Note.of(event), book.current(edition, slug).isEmpty()));
            });
        }

        void delete(String edition, String slug) {
            log.write(() -> {
                ChapterChanged deletion = ChapterChanged.newBuilder(event(edition, slug, book.requireCurrent(edition, slug).revision() + 1, ""))
                        .setChapter(null).build();
                return Decision.publish(deletion, null);
            });
        }

        Written<Note> restore(String edition, String slug, long revision, Preconditions preconditions, Caller caller) {
            return log.write(() -> {
                ChapterChanged old = book.requireRevision(edition, slug, revision);
                preconditions.checkIfPresent(book.current(edition, slug).map(n -> OptionalLong.of(n.revision())).orElse(OptionalLong.empty()));
                ChapterChanged event = event(edition, slug, next(edition, slug), old.getChapter().getBody());
                return Decision.publish(event, new Written<>(Note.of(event), book.current(edition, slug).isEmpty()));
            });
        }

        private long next(String edition, String slug) {
            return book.lastRevision(edition, slug).orElse(0) + 1;
        }
    }

    /** The history endpoints of notes: each a line delegating to the kit. */
    @RestController
    @RequestMapping("/api/editions/{edition}/notes/{slug}")
    static class NoteHistoryController {

        private static final Caller ADMIN = new Caller("test-admin", "Test Admin", Set.of(Role.ADMIN), Set.of(), null);

        private final HistoryEndpoints<ChapterChanged, ChapterState, Note> history;
        private final NoteWrites writes;

        NoteHistoryController(RevisionBook<ChapterChanged, ChapterState, Note> book, NoteWrites writes) {
            this.history = new HistoryEndpoints<>(book, (edition, slug) -> {
                if (!edition.matches("[0-9]{4}")) {
                    throw ApiException.badRequest("edition", "must be a year of four digits");
                }
            });
            this.writes = writes;
        }

        @GetMapping("/revisions")
        ResponseEntity<List<RevisionSummary>> revisions(@PathVariable String edition, @PathVariable String slug,
                @RequestParam(required = false) String limit, @RequestParam(required = false) String before,
                ServerWebExchange exchange) {
            return history.page(edition, slug, limit, before, exchange);
        }

        @GetMapping("/revisions/{revision}")
        Mono<Note> revision(@PathVariable String edition, @PathVariable String slug, @PathVariable String revision) {
            return history.revision(edition, slug, revision);
        }

        @GetMapping("/diff")
        Mono<RevisionDiff> diff(@PathVariable String edition, @PathVariable String slug,
                @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
            return history.diff(edition, slug, from, to);
        }

        @PostMapping("/revisions/{revision}/restore")
        Mono<ResponseEntity<Note>> restore(@PathVariable String edition, @PathVariable String slug, @PathVariable String revision,
                ServerWebExchange exchange) {
            return history.restore(edition, slug, revision, ADMIN, exchange, writes::restore);
        }
    }

    @BeforeAll
    static void topic() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(NOTES_TOPIC.name(), NOTES_TOPIC.partitions(), (short) 1))).all().get();
        }
    }

    @Test
    void aFamilyDefinedWithTheKitHasItsBeansItsHistoryEndpointsAndReplaysTheSameHistory() {
        Map<String, List<ChapterChanged>> written;
        try (AnnotationConfigApplicationContext app = new AnnotationConfigApplicationContext(NotesConfiguration.class)) {
            // Given the family's beans, named after its noun and typed by its events
            assertThat(app.getBean("noteReader")).isInstanceOf(RevisionReader.class);
            assertThat(app.getBean("noteLog", RevisionLog.class).isReplayed()).isTrue();
            RevisionBook<ChapterChanged, ChapterState, Note> book = app.<RevisionBook<ChapterChanged, ChapterState, Note>>getBeanProvider(
                    ResolvableType.forClassWithGenerics(RevisionBook.class, ChapterChanged.class, ChapterState.class, Note.class)).getObject();
            NoteWrites writes = app.getBean(NoteWrites.class);
            WebTestClient client = WebTestClient.bindToController(new NoteHistoryController(book, writes))
                    .controllerAdvice(new ApiErrorHandler()).build();

            // When a note is written twice and deleted, and another note is written
            writes.put("2024", "accueil", "Bienvenue.\nÀ bientôt.\n");
            writes.put("2024", "accueil", "Bienvenue !\nÀ bientôt.\n");
            writes.delete("2024", "accueil");
            writes.put("2024", "agenda", "Lundi.\n");

            // Then the book holds them as they are now, in the family's order
            assertThat(book.current("2024", "accueil")).isEmpty();
            assertThat(book.list("2024")).extracting(Note::slug).containsExactly("agenda");
            assertThat(book.lastRevision("2024", "accueil")).hasValue(3);

            // and the history endpoints list, page, read back, refuse and compare its revisions
            client.get().uri("/api/editions/2024/notes/accueil/revisions").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$[*].revision").isEqualTo(List.of(1, 2, 3))
                    .jsonPath("$[2].deleted").isEqualTo(true)
                    .jsonPath("$[1].changed").isEqualTo(List.of("body"));
            client.get().uri("/api/editions/2024/notes/accueil/revisions?limit=1").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.LINK, "</api/editions/2024/notes/accueil/revisions?before=3&limit=1>; rel=\"next\"")
                    .expectBody().jsonPath("$[*].revision").isEqualTo(List.of(3));
            client.get().uri("/api/editions/2024/notes/accueil/revisions/1").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.body").isEqualTo("Bienvenue.\nÀ bientôt.\n").jsonPath("$.revision").isEqualTo(1);
            client.get().uri("/api/editions/2024/notes/accueil/revisions/3").exchange()
                    .expectStatus().isEqualTo(410)
                    .expectBody().jsonPath("$.detail").isEqualTo(
                            "revision 3 of note accueil deleted it: it has no content; revision 2 is the content before");
            client.get().uri("/api/editions/2024/notes/accueil/revisions/9").exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail").isEqualTo("note accueil has no revision 9; its revisions are 1 to 3");
            client.get().uri("/api/editions/2024/notes/absente/revisions").exchange()
                    .expectStatus().isNotFound()
                    .expectBody().jsonPath("$.detail").isEqualTo("no note absente in edition 2024");
            client.get().uri("/api/editions/24/notes/accueil/revisions").exchange()
                    .expectStatus().isBadRequest();
            client.get().uri("/api/editions/2024/notes/accueil/diff?from=1&to=2").exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.changed").isEqualTo(List.of("body"))
                    .jsonPath("$.diff").isEqualTo("--- body (revision 1)\n+++ body (revision 2)\n@@ -1,2 +1,2 @@\n-Bienvenue.\n+Bienvenue !\n À bientôt.\n");

            // When the deleted note's first revision is restored, it comes back (201) as revision 4
            client.post().uri("/api/editions/2024/notes/accueil/revisions/1/restore").exchange()
                    .expectStatus().isCreated()
                    .expectHeader().valueEquals(HttpHeaders.ETAG, "\"4\"")
                    .expectBody().jsonPath("$.body").isEqualTo("Bienvenue.\nÀ bientôt.\n");
            // and restoring it again, now that it exists, is a plain 200 (revision 5)
            client.post().uri("/api/editions/2024/notes/accueil/revisions/2/restore").exchange()
                    .expectStatus().isOk()
                    .expectHeader().valueEquals(HttpHeaders.ETAG, "\"5\"");
            written = book.all();
        }

        // When the family's beans start again on the same topic
        try (AnnotationConfigApplicationContext app = new AnnotationConfigApplicationContext(NotesConfiguration.class)) {
            RevisionBook<?, ?, ?> replayed = app.getBean("noteBook", RevisionBook.class);

            // Then the book replayed exactly the same history
            assertThat(replayed.all()).isEqualTo(written);
            assertThat(replayed.revisionCount()).isEqualTo(6);
            assertThat(written.get("2024/accueil")).extracting(ChapterChanged::getRevision).containsExactly(1L, 2L, 3L, 4L, 5L);
        }
    }

    private static ChapterChanged event(String edition, String slug, long revision, String body) {
        return ChapterChanged.newBuilder()
                .setMetadata(EventMetadata.newBuilder().setEventId(UUID.randomUUID().toString())
                        .setOccurredAt(Instant.parse("2025-03-01T10:00:00Z").plusSeconds(revision)).setActor("notes").build())
                .setEdition(edition).setSlug(slug).setRevision(revision)
                .setChapter(ChapterState.newBuilder().setTitle("Note " + slug).setBody(body).setPosition(1)
                        .setOwnerTeam("notes").setLanguage("fr").build())
                .build();
    }
}
