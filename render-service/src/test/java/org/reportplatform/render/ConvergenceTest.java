package org.reportplatform.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.avro.specific.SpecificRecord;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.render.site.Site;
import org.reportplatform.schemas.AvroDeserializer;
import org.reportplatform.schemas.ChapterChanged;
import org.reportplatform.schemas.DatasetChanged;
import org.reportplatform.schemas.EditionChanged;
import org.reportplatform.schemas.EditionStatus;
import org.reportplatform.schemas.IndicatorChanged;
import org.reportplatform.schemas.IndicatorType;
import org.reportplatform.schemas.Topics;
import org.reportplatform.schemas.TranslationChanged;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Incremental equals full, on the real pipeline, as a property (jqwik): any sequence of chapter,
 * indicator, dataset, edition and translation events (edits, deletes, moves, figure and table
 * changes, status and language changes, current, stale and unwritten translations, stale
 * re-deliveries, bursts and pauses) goes through Kafka and the running service; then the pages and
 * the PDF it published for the edition (read back from the topics, latest record per key, a
 * tombstone meaning absent) must be byte for byte what a render from scratch of the final state
 * gives. A failing sequence shrinks to a minimal one.
 *
 * <p>One broker and one service for all tries; each try writes to an edition of its own. The render
 * from scratch calls the renderers directly (a fresh {@link Site}, no Kafka, no history) on the
 * final state only: it shares the rendering code with the service, not its state, its dependency
 * index, its dirty sets or its workers, which are what this property is about. What a restart does
 * to the published outputs is {@link RestartTest}'s.
 */
class ConvergenceTest {

    private static final String[] SLUGS = {"a", "b", "c", "d", "e", "f"};
    private static final String[] FIGURES = {"x", "y", "z"};
    private static final String[] DATASETS = {"t", "u"};
    private static final String[] LANGUAGES = {"en", "es"};
    private static final AtomicInteger EDITIONS = new AtomicInteger();

    private static KafkaBroker kafka;
    private static ConfigurableApplicationContext app;
    private static SourceTopics sources;
    private static TopicWatcher<SpecificRecord> pages;
    private static TopicWatcher<SpecificRecord> documents;

    @BeforeContainer
    static void start() {
        kafka = new KafkaBroker();
        kafka.start();
        // (the service creates the topics when it starts)
        app = new SpringApplicationBuilder(RenderServiceApplication.class)
                .run("--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0",
                        "--report.render.quiet-window=10ms", "--report.render.document-window=300ms",
                        "--report.render.document-quiet-window=100ms", "--spring.main.banner-mode=off");
        sources = new SourceTopics(kafka.bootstrapServers());
        pages = new TopicWatcher<>(kafka.bootstrapServers(), Topics.PAGES.name(), new AvroDeserializer());
        documents = new TopicWatcher<>(kafka.bootstrapServers(), Topics.DOCUMENTS.name(), new AvroDeserializer());
    }

    @AfterContainer
    static void stop() {
        if (sources != null) {
            sources.close();
            pages.close();
            documents.close();
        }
        if (app != null) {
            app.close();
        }
        if (kafka != null) {
            kafka.stop();
        }
    }

    @Property(tries = 30)
    void the_published_pages_and_pdfs_are_a_render_of_the_final_state_from_scratch(@ForAll("sequences") List<Action> actions) {
        // Given an edition of its own and a sequence of events (the service creates the topics when it starts)
        Run run = new Run("cv" + EDITIONS.incrementAndGet());
        run.apply(new SetEdition(0, 0, true));
        run.chapter(new EditChapter(0, 1, 0, -1, false, 0));
        actions.forEach(run::apply);

        // When the service has caught up, Then its topics hold exactly the render from scratch of the final state
        ScratchRender.Outputs expected = ScratchRender.of(run.edition, run.sent);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20)).untilAsserted(() -> {
            pages.poll(Duration.ofMillis(20));
            documents.poll(Duration.ofMillis(20));
            assertThat(ScratchRender.published(pages, run.edition)).isEqualTo(expected.pages());
            assertThat(ScratchRender.published(documents, run.edition)).isEqualTo(expected.documents());
        });
    }

    // ---------------------------------------------------------------- events, as generated

    /** One step of a sequence; indexes pick among a few chapters, figures and tables so that steps meet. */
    sealed interface Action permits EditChapter, DeleteChapter, MoveChapter, SetIndicator, DeleteIndicator, SetDataset, DeleteDataset,
            SetEdition, Translate, DeleteTranslation, Redeliver, Pause {
    }

    /** The edition: status (0 published, 1 closed, 2 in preparation), languages (0 en and es, 1 en, 2 none), stale notice. */
    record SetEdition(int status, int targets, boolean staleNotice) implements Action {
    }

    /**
     * A chapter's translation: of the chapter's current revision ({@code age} 0), of an older one
     * (1: stale once the text changed), or assigned but not written (2: blank title).
     */
    record Translate(int slug, int language, int age, int variant) implements Action {
    }

    record DeleteTranslation(int slug, int language) implements Action {
    }

    /** A chapter (created or changed) citing a figure, perhaps drawing a table, perhaps with a subtitle. */
    record EditChapter(int slug, int position, int figure, int chart, boolean subtitle, int variant) implements Action {
    }

    record DeleteChapter(int slug) implements Action {
    }

    /** A chapter's position changes, its content does not (a reorder). */
    record MoveChapter(int slug, int position) implements Action {
    }

    record SetIndicator(int figure, int value) implements Action {
    }

    record DeleteIndicator(int figure) implements Action {
    }

    record SetDataset(int dataset, List<Integer> amounts) implements Action {
    }

    record DeleteDataset(int dataset) implements Action {
    }

    /** An event already sent is sent again (stale unless it is still its source's latest). */
    record Redeliver(int index) implements Action {
    }

    /** The sources go quiet for a moment (what comes next is a new burst). */
    record Pause(int millis) implements Action {
    }

    @Provide
    Arbitrary<List<Action>> sequences() {
        Arbitrary<Integer> slug = Arbitraries.integers().between(0, SLUGS.length - 1);
        Arbitrary<Integer> position = Arbitraries.integers().between(1, 6);
        Arbitrary<Integer> figure = Arbitraries.integers().between(0, FIGURES.length - 1);
        Arbitrary<Integer> dataset = Arbitraries.integers().between(0, DATASETS.length - 1);
        Arbitrary<Action> edit = Combinators.combine(slug, position, figure, Arbitraries.integers().between(-1, DATASETS.length - 1),
                Arbitraries.of(false, true), Arbitraries.integers().between(0, 3)).as(EditChapter::new);
        Arbitrary<Action> action = Arbitraries.frequencyOf(
                Tuple.of(6, edit),
                Tuple.of(1, slug.map(DeleteChapter::new)),
                Tuple.of(2, Combinators.combine(slug, position).as(MoveChapter::new)),
                Tuple.of(4, Combinators.combine(figure, Arbitraries.integers().between(0, 2_000_000)).as(SetIndicator::new)),
                Tuple.of(1, figure.map(DeleteIndicator::new)),
                Tuple.of(2, Combinators.combine(dataset, Arbitraries.integers().between(0, 5_000_000).list().ofMinSize(1).ofMaxSize(4))
                        .as(SetDataset::new)),
                Tuple.of(1, dataset.map(DeleteDataset::new)),
                Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 2),
                        Arbitraries.of(true, false)).as(SetEdition::new)),
                Tuple.of(4, Combinators.combine(slug, Arbitraries.integers().between(0, LANGUAGES.length - 1),
                        Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 3)).as(Translate::new)),
                Tuple.of(1, Combinators.combine(slug, Arbitraries.integers().between(0, LANGUAGES.length - 1)).as(DeleteTranslation::new)),
                Tuple.of(1, Arbitraries.integers().between(0, 40).map(Redeliver::new)),
                Tuple.of(1, Arbitraries.integers().between(0, 150).map(Pause::new)));
        return action.list().ofMinSize(1).ofMaxSize(25);
    }

    // ---------------------------------------------------------------- one try

    /** The events of one try, sent to its edition, and the final state they leave. */
    private static final class Run {
        private final String edition;
        private final Map<String, Long> revisions = new TreeMap<>();
        /** The last event sent per source ("topic key"): the final state. */
        private final Map<String, SpecificRecord> latest = new TreeMap<>();
        private final List<SpecificRecord> sent = new ArrayList<>();

        Run(String edition) {
            this.edition = edition;
        }

        void apply(Action action) {
            if (action instanceof EditChapter e) {
                chapter(e);
            } else if (action instanceof DeleteChapter d) {
                String source = source(Topics.CHAPTERS.name(), SLUGS[d.slug()]);
                record(source, sources.deleteChapter(edition, SLUGS[d.slug()], next(source)));
            } else if (action instanceof MoveChapter m) {
                move(m);
            } else if (action instanceof SetIndicator i) {
                String source = source(Topics.INDICATORS.name(), FIGURES[i.figure()]);
                record(source, sources.indicator(edition, FIGURES[i.figure()], next(source), IndicatorType.INTEGER, Integer.toString(i.value()),
                        "cas"));
            } else if (action instanceof DeleteIndicator i) {
                String source = source(Topics.INDICATORS.name(), FIGURES[i.figure()]);
                record(source, sources.deleteIndicator(edition, FIGURES[i.figure()], next(source)));
            } else if (action instanceof SetDataset d) {
                String source = source(Topics.DATASETS.name(), DATASETS[d.dataset()]);
                List<List<String>> rows = new ArrayList<>();
                for (int r = 0; r < d.amounts().size(); r++) {
                    rows.add(List.of("Poste " + r, Integer.toString(d.amounts().get(r))));
                }
                record(source, sources.dataset(edition, DATASETS[d.dataset()], next(source), "Tableau " + DATASETS[d.dataset()], rows));
            } else if (action instanceof DeleteDataset d) {
                String source = source(Topics.DATASETS.name(), DATASETS[d.dataset()]);
                record(source, sources.deleteDataset(edition, DATASETS[d.dataset()], next(source)));
            } else if (action instanceof SetEdition e) {
                String source = topicKey(Topics.EDITIONS.name(), edition);
                EditionStatus status = switch (e.status()) {
                    case 0 -> EditionStatus.PUBLISHED;
                    case 1 -> EditionStatus.CLOSED;
                    default -> EditionStatus.PREPARING;
                };
                List<String> targets = switch (e.targets()) {
                    case 0 -> List.of("en", "es");
                    case 1 -> List.of("en");
                    default -> List.of();
                };
                record(source, sources.edition(edition, next(source), status, targets, e.staleNotice()));
            } else if (action instanceof Translate t) {
                String slug = SLUGS[t.slug()];
                String language = LANGUAGES[t.language()];
                String source = source(Topics.TRANSLATIONS.name(), slug + "/" + language);
                long chapterRevision = revisions.getOrDefault(source(Topics.CHAPTERS.name(), slug), 0L);
                record(source, sources.translation(edition, slug, language, next(source), t.age() == 2 ? "" : "Chapter " + slug + " " + t.variant(),
                        "The defenders documented {{fig:" + FIGURES[t.variant() % FIGURES.length] + "}} cases " + t.variant() + ".",
                        Math.max(0, chapterRevision - t.age() % 2)));
            } else if (action instanceof DeleteTranslation t) {
                String slug = SLUGS[t.slug()];
                String language = LANGUAGES[t.language()];
                String source = source(Topics.TRANSLATIONS.name(), slug + "/" + language);
                TranslationChanged delete = SourceTopics.translationEvent(edition, slug, language, next(source), "", "", 0);
                delete.setTranslation(null);
                sources.send(Topics.TRANSLATIONS.name(), edition + "/" + slug + "/" + language, delete);
                record(source, delete);
            } else if (action instanceof Redeliver r) {
                redeliver(r.index());
            } else if (action instanceof Pause p) {
                sleep(p.millis());
            }
        }

        void chapter(EditChapter e) {
            String slug = SLUGS[e.slug()];
            String source = source(Topics.CHAPTERS.name(), slug);
            StringBuilder body = new StringBuilder("Les défenseur.e.s ont documenté {{fig:" + FIGURES[e.figure()]
                    + "}} cas ; celles et ceux qui œuvrent « ensemble » " + e.variant() + ".");
            if (e.chart() >= 0) {
                body.append("\n\n{{chart:").append(DATASETS[e.chart()]).append("}}");
            }
            if (e.subtitle()) {
                body.insert(0, "## Sous-titre " + e.variant() + "\n\n");
            }
            record(source, sources.chapter(edition, slug, next(source), "Chapitre " + slug + " " + e.variant(), e.position(),
                    body.toString()));
        }

        /** Re-sends the chapter's latest state at another position (nothing, if it does not exist). */
        private void move(MoveChapter m) {
            String slug = SLUGS[m.slug()];
            String source = source(Topics.CHAPTERS.name(), slug);
            if (latest.get(source) instanceof ChapterChanged c && c.getChapter() != null) {
                ChapterChanged moved = SourceTopics.chapterEvent(edition, slug, next(source), c.getChapter().getTitle(), m.position(),
                        c.getChapter().getBody());
                record(source, sources.chapter(moved));
            }
        }

        private void redeliver(int index) {
            SpecificRecord old = sent.get(index % sent.size());
            if (old instanceof ChapterChanged c) {
                sources.send(Topics.CHAPTERS.name(), edition + "/" + c.getSlug(), c);
            } else if (old instanceof IndicatorChanged i) {
                sources.send(Topics.INDICATORS.name(), edition + "/" + i.getIndicatorId(), i);
            } else if (old instanceof DatasetChanged d) {
                sources.send(Topics.DATASETS.name(), edition + "/" + d.getDatasetId(), d);
            } else if (old instanceof EditionChanged e) {
                sources.send(Topics.EDITIONS.name(), edition, e);
            } else if (old instanceof TranslationChanged t) {
                sources.send(Topics.TRANSLATIONS.name(), edition + "/" + t.getSlug() + "/" + t.getLanguage(), t);
            }
        }

        private String source(String topic, String id) {
            return topicKey(topic, edition + "/" + id);
        }

        private static String topicKey(String topic, String key) {
            return topic + " " + key;
        }

        private long next(String source) {
            return revisions.merge(source, 1L, Long::sum);
        }

        private void record(String source, SpecificRecord event) {
            latest.put(source, event);
            sent.add(event);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
