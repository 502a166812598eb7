package org.reportplatform.gateway.studio.chapters;

import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.presence.ChapterPresence;
import org.reportplatform.gateway.studio.StudioPages;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The chapter editor's routes under {@code /studio/{edition}/chapitres/{slug}}. Only signed-in
 * people reach {@code /studio/**} (the gateway's security chain); what each may change is the
 * services' decision.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChapterEditorProperties.class)
public class ChapterEditorConfiguration {

    @Bean
    RouterFunction<ServerResponse> chapterEditorRoutes(Backends backends, ObjectProvider<ChapterPresence> presence, StudioPages pages,
                                                       ChapterEditorProperties properties) {
        return routes(backends, presence.getIfAvailable(), pages, properties);
    }

    /** The routes, also for tests that bind a WebTestClient to them alone; {@code presence} may be null (nobody shown). */
    public static RouterFunction<ServerResponse> routes(Backends backends, ChapterPresence presence, StudioPages pages,
                                                        ChapterEditorProperties properties) {
        ChapterEditorHandler editor = new ChapterEditorHandler(backends, presence, pages, pages.properties().zone());
        FigurePicker picker = new FigurePicker(backends, pages, properties.pickerLimit());
        String chapter = "/studio/{edition}/chapitres/{slug}";
        return RouterFunctions.route()
                .GET(chapter, editor::page)
                .POST(chapter, editor::save)
                .POST(chapter + "/fusion", editor::saveMerge)
                .POST(chapter + "/apercu", editor::preview)
                .GET(chapter + "/presence", editor::presence)
                .POST(chapter + "/presence/depart", editor::left)
                .GET(chapter + "/choix", picker::choices)
                .build();
    }
}
