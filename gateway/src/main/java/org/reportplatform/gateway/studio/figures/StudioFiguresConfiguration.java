package org.reportplatform.gateway.studio.figures;

import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioPages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The studio's pages for key figures and datasets: the indicator editor, the CSV import of
 * indicators (a dry run shown as a preview, then the import itself), the dataset editor (a table,
 * or its rows from a CSV file, the same two steps), and the picker the chapter editor uses to
 * insert a figure or a chart. Who may reach {@code /studio/**} is the security chain's business
 * (anyone signed in); what they may change, figures-service's (the pages only hide the controls).
 *
 * <p>{@code import} and {@code choix} are pages, not indicator ids: an indicator with such an id
 * could not be opened here (ids are {@code family.name} in practice).
 */
@Configuration(proxyBeanMethods = false)
public class StudioFiguresConfiguration {

    private static final String FIGURES = "/studio/{edition:\\d{4}}/chiffres";
    private static final String DATASETS = "/studio/{edition:\\d{4}}/donnees";

    @Bean
    RouterFunction<ServerResponse> studioFiguresRoutes(Backends backends, StudioPages pages) {
        return routes(backends, pages);
    }

    /** The routes, also for tests that bind a WebTestClient to them alone. */
    public static RouterFunction<ServerResponse> routes(Backends backends, StudioPages pages) {
        IndicatorEditorHandler indicators = new IndicatorEditorHandler(backends, pages);
        IndicatorImportHandler imports = new IndicatorImportHandler(backends, pages);
        DatasetEditorHandler datasets = new DatasetEditorHandler(backends, pages);
        DatasetImportHandler datasetImports = new DatasetImportHandler(backends, pages);
        DatasetTextsHandler datasetTexts = new DatasetTextsHandler(backends, pages);
        FigurePickerHandler picker = new FigurePickerHandler(backends, pages);
        return RouterFunctions.route()
                .GET(FIGURES + "/choix", picker::choices)
                .GET(FIGURES + "/import", imports::form)
                .POST(FIGURES + "/import/verifier", imports::preview)
                .POST(FIGURES + "/import", imports::apply)
                .GET(FIGURES + "/{id}", indicators::page)
                .POST(FIGURES + "/{id}", indicators::save)
                .POST(FIGURES + "/{id}/verifier", indicators::check)
                .POST(FIGURES + "/{id}/programmer", indicators::schedule)
                .POST(FIGURES + "/{id}/deprogrammer", indicators::unschedule)
                .GET(DATASETS + "/{id}", datasets::page)
                .POST(DATASETS + "/{id}", datasets::save)
                .GET(DATASETS + "/{id}/textes", datasetTexts::page)
                .POST(DATASETS + "/{id}/textes", datasetTexts::save)
                .GET(DATASETS + "/{id}/import", datasetImports::form)
                .POST(DATASETS + "/{id}/import/verifier", datasetImports::preview)
                .POST(DATASETS + "/{id}/import", datasetImports::apply)
                .build();
    }
}
