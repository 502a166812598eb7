package org.reportplatform.gateway.ops;

import java.util.List;
import org.reportplatform.gateway.signin.Access;
import org.reportplatform.gateway.signin.CsrfTokens;
import org.reportplatform.gateway.signin.PageGuard;
import org.reportplatform.gateway.ui.UiPages;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code GET /ops}: the pipeline dashboard, for operators and admins. The page is a frame; its
 * script ({@code /ui/ops.js}) fills it from {@code /api/ops/pipeline} (services, lag, rebuilds),
 * the live stream {@code /api/live} (the chart), and the render service's operator endpoints
 * through the gateway ({@code /api/ops/rebuild}, {@code /api/ops/dead-letters}), all with the
 * page's session; its state-changing calls carry the session's CSRF token, written into the page.
 */
final class OpsPage {

    private final PageGuard guard;

    OpsPage(PageGuard guard) {
        this.guard = guard;
    }

    Mono<ServerResponse> page(ServerRequest request) {
        return guard.page(request, "/ops", Access.OPS_ROLES, (known, account) ->
                // A bearer caller (a script, curl) has no session: the page shows, its buttons cannot act.
                (known.fromSession() ? request.session().map(CsrfTokens::of) : Mono.just(""))
                        .flatMap(csrf -> UiPages.respond(HttpStatus.OK, UiPages.page("Opérations", account,
                                main(csrf), List.of("uPlot.min.css"), List.of("uPlot.iife.min.js", "ops.js")))));
    }

    private static String main(String csrf) {
        return """
                <div id="ops" class="ops" data-csrf="%s">
                <div class="ops-head">
                <h1>Opérations</h1>
                <p id="status" class="status" data-state="connecting" role="status">Chargement…</p>
                </div>
                <p class="lead">La chaîne de publication en un coup d’œil : l’état de chaque service, le retard des consommateurs Kafka,
                les derniers événements et reconstructions avec leur latence, les enregistrements en lettres mortes.</p>

                <section class="panel" aria-labelledby="services-title">
                <h2 id="services-title">Services</h2>
                <ul id="services" class="services"></ul>
                </section>

                <section class="panel" aria-labelledby="latency-title">
                <div class="panel-head">
                <h2 id="latency-title">Latence modification → publication</h2>
                <dl class="kpis">
                <div><dt>Médiane</dt><dd id="kpi-p50">—</dd></div>
                <div><dt>99ᵉ centile</dt><dd id="kpi-p99">—</dd></div>
                <div><dt>Reconstructions</dt><dd id="kpi-count">0</dd></div>
                <div><dt>Par minute</dt><dd id="kpi-rate">0</dd></div>
                </dl>
                </div>
                <div id="chart" class="chart" role="img" aria-label="Latence de chaque reconstruction et reconstructions par intervalle de 10 secondes"></div>
                <p class="hint">Points : latence de chaque page ou document publié (échelle de gauche). Barres : reconstructions par tranche de 10 s (échelle de droite).
                Médiane et centile sur les reconstructions que la passerelle garde en mémoire.</p>
                </section>

                <div class="columns">
                <section class="panel" aria-labelledby="lag-title">
                <h2 id="lag-title">Retard des consommateurs</h2>
                <p id="kafka-error" class="error" hidden></p>
                <table class="grid" id="lag">
                <thead><tr><th scope="col">Consommateur</th><th scope="col">État</th><th scope="col" class="num">Retard</th><th scope="col">Partitions</th></tr></thead>
                <tbody id="lag-rows"></tbody>
                </table>
                </section>

                <section class="panel" aria-labelledby="rebuild-title">
                <h2 id="rebuild-title">Reconstruction complète</h2>
                <p>Réaffiche toutes les pages et le PDF à partir des sources, et ne republie que ce qui a changé.
                À faire après une correction du rendu ou pour vérifier que le site est à jour.</p>
                <p><button type="button" id="rebuild-button">Tout reconstruire</button></p>
                <div id="rebuild-progress" class="progress" hidden>
                <progress id="rebuild-bar"></progress>
                <span id="rebuild-text" role="status"></span>
                </div>
                <p id="rebuild-result" class="result" hidden></p>
                </section>
                </div>

                <section class="panel" aria-labelledby="dlt-title">
                <div class="panel-head">
                <h2 id="dlt-title">Lettres mortes</h2>
                <p id="dlt-count" class="count"></p>
                </div>
                <p class="hint">Les événements que le service de rendu n’a pas pu traiter, avec leur erreur. Corrigez la cause, puis rejouez-les.</p>
                <p id="dlt-status" class="empty"></p>
                <table class="grid dlt" id="dlt" hidden>
                <thead><tr><th scope="col">Échec</th><th scope="col">Origine</th><th scope="col">Clé</th><th scope="col">Erreur</th><th scope="col"></th></tr></thead>
                <tbody id="dlt-rows"></tbody>
                </table>
                </section>

                <section class="panel" aria-labelledby="events-title">
                <h2 id="events-title">Derniers événements</h2>
                <p class="hint">Les dernières modifications acceptées (chapitres, indicateurs, jeux de données), et le temps mis
                par la première page ou le document qu’elles ont changé pour être publié.</p>
                <table class="grid events">
                <thead><tr><th scope="col">Heure</th><th scope="col">Source</th><th scope="col">Auteur</th><th scope="col">Événement</th><th scope="col" class="num">En ligne après</th></tr></thead>
                <tbody id="events"></tbody>
                </table>
                <p id="events-empty" class="empty" hidden>Aucun événement dans les sujets sources.</p>
                </section>

                <section class="panel" aria-labelledby="rebuilds-title">
                <h2 id="rebuilds-title">Dernières reconstructions</h2>
                <table class="notices grid">
                <thead><tr><th scope="col">Heure</th><th scope="col">Page</th><th scope="col" class="num">Latence</th><th scope="col">Cause</th><th scope="col">Sources</th></tr></thead>
                <tbody id="rebuilds"></tbody>
                </table>
                <p id="rebuilds-empty" class="empty">Aucune reconstruction depuis le démarrage de la passerelle.</p>
                </section>
                </div>""".formatted(UiPages.escape(csrf));
    }
}
