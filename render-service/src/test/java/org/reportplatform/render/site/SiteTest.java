package org.reportplatform.render.site;

import static org.assertj.core.api.Assertions.assertThat;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reportplatform.render.rendering.HtmlSanitizer;
import org.reportplatform.render.rendering.MarkdownRenderer;
import org.reportplatform.render.rendering.PageRenderer;
import org.reportplatform.render.sources.Chapter;
import org.reportplatform.render.sources.Dataset;
import org.reportplatform.render.sources.EventInfo;
import org.reportplatform.render.sources.Indicator;
import org.reportplatform.render.sources.SourceEvent;
import org.reportplatform.render.sources.SourceRef;
import org.reportplatform.schemas.IndicatorType;

/** The site without Kafka: what an event dirties, and that incremental rendering equals a full render. */
class SiteTest {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String E = "2024";

    private final Map<String, Long> revisions = new HashMap<>();
    private long clock = 1_700_000_000_000L;

    private static Site newSite() {
        return new Site(new PageRenderer(TEMPLATES, new MarkdownRenderer(new HtmlSanitizer()), new SimpleMeterRegistry()));
    }

    private EventInfo info() {
        return new EventInfo(UUID.randomUUID().toString(), Instant.ofEpochMilli(clock++), null);
    }

    private long next(SourceRef ref) {
        return revisions.merge(ref.key(), 1L, Long::sum);
    }

    private SourceEvent chapter(String slug, String title, int position, String body) {
        SourceRef ref = SourceRef.chapter(E, slug);
        return new SourceEvent.ChapterEvent(ref, next(ref), info(), new Chapter(E, slug, title, body, position, "fr"));
    }

    private SourceEvent deleteChapter(String slug) {
        SourceRef ref = SourceRef.chapter(E, slug);
        return new SourceEvent.ChapterEvent(ref, next(ref), info(), null);
    }

    private SourceEvent indicator(String id, String value) {
        SourceRef ref = SourceRef.indicator(E, id);
        return new SourceEvent.IndicatorEvent(ref, next(ref), info(),
                new Indicator(E, id, "Libellé " + id, IndicatorType.INTEGER, value, null, "cas"));
    }

    private SourceEvent dataset(String id, String amount) {
        SourceRef ref = SourceRef.dataset(E, id);
        return new SourceEvent.DatasetEvent(ref, next(ref), info(), new Dataset(E, id, "Tableau " + id,
                List.of(new Dataset.Column("label", false), new Dataset.Column("amount", true)),
                List.of(List.of("a", amount)), "CHF", null));
    }

    private static List<String> paths(List<Rendition> renditions) {
        return renditions.stream().map(Rendition::path).toList();
    }

    private static OutputId page(String slug) {
        return new OutputId.ChapterPage(E, slug);
    }

    @Nested
    class WhatAnEventDirties {

        private final Site site = newSite();

        /** a, b, c, d in that order; a uses figure x, c uses figure y and dataset t. */
        private void givenFourChapters() {
            site.apply(chapter("a", "A", 1, "Chiffre {{fig:x}}"));
            site.apply(chapter("b", "B", 2, "Texte"));
            site.apply(chapter("c", "C", 3, "Chiffre {{fig:y}}\n\n{{chart:t}}"));
            site.apply(chapter("d", "D", 4, "Texte"));
            site.apply(indicator("x", "4445"));
            site.apply(indicator("y", "17"));
            site.apply(dataset("t", "100"));
            site.renderDirty();
        }

        @Test
        void a_chapter_edit_dirties_its_page_the_index_and_its_neighbours_only() {
            givenFourChapters();
            site.apply(chapter("b", "B2", 2, "Texte"));
            assertThat(paths(site.renderDirty())).containsExactlyInAnyOrder("/2024/", "/2024/a", "/2024/b", "/2024/c");
        }

        @Test
        void an_indicator_dirties_the_pages_referencing_it_and_the_index() {
            givenFourChapters();
            site.apply(indicator("x", "5000"));
            assertThat(paths(site.renderDirty())).containsExactlyInAnyOrder("/2024/", "/2024/a");
        }

        @Test
        void a_dataset_dirties_the_pages_referencing_it() {
            givenFourChapters();
            site.apply(dataset("t", "200"));
            assertThat(paths(site.renderDirty())).containsExactly("/2024/c");
        }

        @Test
        void an_indicator_created_after_the_page_that_references_it_rebuilds_that_page() {
            site.apply(chapter("a", "A", 1, "Chiffre {{fig:later}}"));
            assertThat(new String(site.renderDirty().get(1).content(), StandardCharsets.UTF_8)).contains("indicateur inconnu");
            site.apply(indicator("later", "12"));
            List<Rendition> rebuilt = site.renderDirty();
            assertThat(paths(rebuilt)).containsExactlyInAnyOrder("/2024/", "/2024/a");
            assertThat(new String(rebuilt.get(1).content(), StandardCharsets.UTF_8)).contains("Chiffre 12").doesNotContain("indicateur inconnu");
        }

        @Test
        void a_new_chapter_dirties_its_new_neighbours() {
            givenFourChapters();
            site.apply(chapter("bc", "Entre B et C", 3, "x"));
            // order is now a, b, bc (3), c (3): equal positions are ordered by slug
            assertThat(paths(site.renderDirty())).containsExactlyInAnyOrder("/2024/", "/2024/b", "/2024/bc", "/2024/c");
        }

        @Test
        void a_moved_chapter_dirties_its_old_and_new_neighbours() {
            givenFourChapters();
            site.apply(chapter("a", "A", 5, "Chiffre {{fig:x}}"));
            assertThat(paths(site.renderDirty())).containsExactlyInAnyOrder("/2024/", "/2024/a", "/2024/b", "/2024/d");
        }

        @Test
        void a_deleted_chapter_renders_as_absent_and_dirties_its_neighbours() {
            givenFourChapters();
            site.apply(deleteChapter("b"));
            List<Rendition> rebuilt = site.renderDirty();
            assertThat(paths(rebuilt)).containsExactlyInAnyOrder("/2024/", "/2024/a", "/2024/b", "/2024/c");
            assertThat(rebuilt).filteredOn(r -> r.path().equals("/2024/b")).singleElement().extracting(Rendition::exists).isEqualTo(false);
            assertThat(site.sourcesOf(page("b"))).isEmpty();
        }

        @Test
        void a_stale_event_dirties_nothing() {
            givenFourChapters();
            SourceRef ref = SourceRef.chapter(E, "b");
            assertThat(site.apply(new SourceEvent.ChapterEvent(ref, 1, info(), new Chapter(E, "b", "Old", "old", 2, "fr")))).isFalse();
            assertThat(site.hasDirty()).isFalse();
        }

        @Test
        void a_burst_renders_each_page_once() {
            givenFourChapters();
            for (int i = 0; i < 10; i++) {
                site.apply(indicator("x", Integer.toString(i)));
            }
            List<Rendition> rebuilt = site.renderDirty();
            assertThat(paths(rebuilt)).containsExactlyInAnyOrder("/2024/", "/2024/a");
            assertThat(rebuilt.get(0).causes().events()).hasSize(10);
        }

        @Test
        void records_what_each_page_used() {
            givenFourChapters();
            assertThat(site.sourcesOf(page("c"))).extracting(SourceRef::key)
                    .containsExactlyInAnyOrder("chapter:2024/b", "chapter:2024/c", "chapter:2024/d", "indicator:2024/y", "dataset:2024/t");
            assertThat(site.sourcesOf(new OutputId.IndexPage(E))).extracting(SourceRef::key)
                    .containsExactlyInAnyOrder("chapters:2024", "chapter:2024/a", "chapter:2024/b", "chapter:2024/c", "chapter:2024/d",
                            "indicators:2024", "indicator:2024/x", "indicator:2024/y");
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {2, 42, 2024})
    void incremental_rendering_equals_a_full_render_of_the_final_state(long seed) {
        // Given a random sequence of events, rendered incrementally in random bursts
        Random random = new Random(seed);
        Site incremental = newSite();
        Map<String, String> served = new TreeMap<>();
        List<SourceEvent> log = new ArrayList<>();
        String[] slugs = {"a", "b", "c", "d", "e", "f"};
        String[] figures = {"x", "y", "z"};
        for (int i = 0; i < 300; i++) {
            SourceEvent event = switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> chapter(slugs[random.nextInt(slugs.length)], "Titre " + random.nextInt(5), random.nextInt(6),
                        "Corps {{fig:" + figures[random.nextInt(figures.length)] + "}} " + random.nextInt(3)
                                + (random.nextBoolean() ? "\n\n{{chart:t}}" : ""));
                case 4 -> deleteChapter(slugs[random.nextInt(slugs.length)]);
                case 5, 6, 7 -> indicator(figures[random.nextInt(figures.length)], Integer.toString(random.nextInt(100_000)));
                default -> dataset("t", Integer.toString(random.nextInt(1000)));
            };
            log.add(event);
            incremental.apply(event);
            if (random.nextInt(4) == 0) {
                serve(served, incremental.renderDirty());
            }
            // now and then an event arrives again (redelivery): it is stale
            if (random.nextInt(10) == 0) {
                incremental.apply(log.get(random.nextInt(log.size())));
            }
        }
        serve(served, incremental.renderDirty());

        // When the same events are replayed into a fresh site and everything is rendered
        Site full = newSite();
        log.forEach(full::replay);
        Map<String, String> expected = new TreeMap<>();
        serve(expected, full.renderAll(List.of()));

        // Then the incremental site serves byte for byte what the full render gives
        assertThat(served).isEqualTo(expected);
    }

    private static void serve(Map<String, String> served, List<Rendition> renditions) {
        for (Rendition r : renditions) {
            if (r.exists()) {
                served.put(r.path(), new String(r.content(), StandardCharsets.UTF_8));
            } else {
                served.remove(r.path());
            }
        }
    }
}
