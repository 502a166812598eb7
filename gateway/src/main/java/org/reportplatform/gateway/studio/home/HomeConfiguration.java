package org.reportplatform.gateway.studio.home;

import java.util.List;
import org.reportplatform.gateway.accounts.AccountsProperties;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.editions.EditionsApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The studio's home ({@code /studio}) and the report's structure for admins
 * ({@code /studio/{edition}/structure}). The teams a chapter may be given are the account pages'
 * ({@code report.gateway.accounts.teams}: the organisation's programme teams) and every team that
 * already owns a chapter.
 */
@Configuration(proxyBeanMethods = false)
public class HomeConfiguration {

    @Bean
    RouterFunction<ServerResponse> studioHomeRoutes(StudioPages pages, Backends backends, AccountsProperties accounts) {
        return routes(pages, backends, accounts.teams());
    }

    /** The routes, also for tests that bind a WebTestClient to them alone. */
    public static RouterFunction<ServerResponse> routes(StudioPages pages, Backends backends, List<String> teams) {
        StudioCatalog catalog = new StudioCatalog(backends);
        HomeHandler home = new HomeHandler(pages, catalog, new EditionsApi(backends.content()));
        StructureHandler structure = new StructureHandler(pages, catalog, backends, teams);
        return RouterFunctions.route()
                .GET("/studio", home::current)
                .GET("/studio/", home::current)
                .GET("/studio/{edition:\\d+}", home::edition)
                .GET("/studio/{edition}/structure", structure::page)
                .POST("/studio/{edition}/structure", structure::create)
                .POST("/studio/{edition}/structure/{slug}/deplacer", structure::move)
                .POST("/studio/{edition}/structure/{slug}/equipe", structure::changeTeam)
                .GET("/studio/{edition}/structure/{slug}/supprimer", structure::confirmDelete)
                .POST("/studio/{edition}/structure/{slug}/supprimer", structure::delete)
                .build();
    }
}
