package org.reportplatform.content.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.reportplatform.content.ContentServiceApplication;
import org.reportplatform.content.chapters.ChapterBook;
import org.reportplatform.content.editions.EditionGuard;
import org.reportplatform.content.editions.EditionWrites;
import org.reportplatform.platform.editions.Edition;
import org.reportplatform.content.editions.NewEditionRequest;
import org.reportplatform.content.translations.Translation;
import org.reportplatform.content.translations.TranslationBook;
import org.reportplatform.content.translations.TranslationViews;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.reportplatform.platform.testing.KafkaBroker;
import org.reportplatform.platform.testing.TopicReader;
import org.reportplatform.schemas.Topics;
import org.reportplatform.schemas.TranslationChanged;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo's translations as the loader writes them on a real broker: into the demo edition 2024,
 * written in French and translated into English and Spanish, the four translations, each translating the
 * chapter's first revision and saying it is illustrative; one French correction afterwards makes
 * the English violences-policieres stale. A second start writes nothing.
 */
class DemoTranslationsTest {

    @RegisterExtension
    static final KafkaBroker kafka = new KafkaBroker();

    private static final Caller ADMIN = new Caller("test-admin", "Test", Set.of(Role.ADMIN), Set.of(), null);

    @Test
    void theDemoLoadsItsTranslationsOnceAndOneOfThemIsStale() {
        // Given edition 2023 exists already (so the demo does not close it, which waits for figures-service's key figures)
        try (ConfigurableApplicationContext app = start(false)) {
            app.getBean(EditionWrites.class).create("2023", new NewEditionRequest(null, "Rapport annuel 2023", "fr", List.of("en")), ADMIN);
        }

        // When the demo is loaded: its edition 2024, in French translated into English and Spanish, then its chapters and translations
        Map<String, Translation> loaded;
        try (ConfigurableApplicationContext app = start(true)) {
            assertThat(app.getBean(EditionGuard.class).edition("2024")).hasValueSatisfying(edition -> {
                assertThat(edition.targetLanguages()).containsExactly("en", "es");
                assertThat(edition.status()).isEqualTo(Edition.Status.PUBLISHED);
            });
            TranslationViews views = app.getBean(TranslationViews.class);
            loaded = app.getBean(TranslationBook.class).list("2024").stream().map(views::view)
                    .collect(Collectors.toMap(t -> t.slug() + "/" + t.language(), t -> t));
            assertThat(app.getBean(ChapterBook.class).requireCurrent("2024", "violences-policieres").body())
                    .contains("Coups portés lors d’une arrestation");
        }

        // Then the four translations are there, the English police violence one stale after the French correction
        assertThat(loaded.keySet()).containsExactlyInAnyOrder("message-presidente/en", "message-presidente/es", "defenseurs/en",
                "violences-policieres/en");
        assertThat(loaded.values()).allSatisfy(t -> assertThat(t.sourceRevision()).isEqualTo(1));
        assertThat(loaded.get("violences-policieres/en").status()).isEqualTo("stale");
        assertThat(loaded.get("violences-policieres/en").chapterRevision()).isEqualTo(2);
        assertThat(loaded.entrySet()).filteredOn(e -> !e.getKey().equals("violences-policieres/en"))
                .allSatisfy(e -> assertThat(e.getValue().status()).isEqualTo("translated"));
        assertThat(loaded.get("message-presidente/es").title()).isEqualTo("Mensaje de nuestra presidenta");
        assertThat(loaded.values()).filteredOn(t -> t.language().equals("en"))
                .allSatisfy(t -> assertThat(t.body()).endsWith("*This English version is an illustrative translation written for the demo.*\n"));
        assertThat(loaded.get("message-presidente/es").body())
                .endsWith("*Esta versión en español es una traducción ilustrativa escrita para la demostración.*\n");

        // And a second start writes no translation again
        List<TranslationChanged> first = new TopicReader(kafka.bootstrapServers()).values(Topics.TRANSLATIONS);
        try (ConfigurableApplicationContext app = start(true)) {
            assertThat(app.getBean(TranslationBook.class).list("2024")).hasSize(4);
        }
        assertThat(new TopicReader(kafka.bootstrapServers()).values(Topics.TRANSLATIONS)).hasSameSizeAs(first).hasSize(4);
    }

    private static ConfigurableApplicationContext start(boolean loadDemo) {
        return new SpringApplicationBuilder(ContentServiceApplication.class).profiles("demo").run(
                "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(), "--server.port=0", "--spring.main.banner-mode=off",
                "--report.demo.load=" + loadDemo);
    }
}
