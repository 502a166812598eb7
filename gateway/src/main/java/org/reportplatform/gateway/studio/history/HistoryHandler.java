package org.reportplatform.gateway.studio.history;

import java.util.Optional;
import org.reportplatform.gateway.accounts.Viewer;
import org.reportplatform.gateway.backend.BackendClient;
import org.reportplatform.gateway.backend.BackendRefusal;
import org.reportplatform.gateway.backend.Backends;
import org.reportplatform.gateway.studio.StudioLabels;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.StudioProblems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The history of a chapter, key figure or dataset ({@code /studio/{edition}/{segment}/{id}/historique}):
 * every revision with who, when and what changed, a page at a time as the API pages it; two
 * revisions compared ({@code .../comparer?de=&a=}); and an old revision restored after a
 * confirmation that shows what the restore will change ({@code .../{n}/restaurer}). Only people
 * who may edit the resource are offered {@code Restaurer} (the API refuses the others anyway).
 */
final class HistoryHandler {

    private final HistoryKind kind;
    private final StudioPages pages;
    private final HistoryReader reader;
    private final Backends backends;

    HistoryHandler(HistoryKind kind, StudioPages pages, HistoryReader reader, Backends backends) {
        this.kind = kind;
        this.pages = pages;
        this.reader = reader;
        this.backends = backends;
    }

    /** {@code GET .../historique[?avant=n]}, saying what a restore just did ({@code ?restauree=n&nouvelle=m}). */
    Mono<ServerResponse> history(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = kind.id(request);
        Long before = number(request.queryParam("avant").orElse(null));
        Long restored = number(request.queryParam("restauree").orElse(null));
        Long now = number(request.queryParam("nouvelle").orElse(null));
        return pages.forViewer(request, edition, viewer -> Mono.zip(
                        reader.current(kind, viewer.caller(), edition, id),
                        reader.page(kind, viewer.caller(), edition, id, before, pages.properties().historyPageSize()))
                .flatMap(both -> {
                    HistoryReader.Current current = both.getT1();
                    HistoryReader.Page page = both.getT2();
                    String message = restored == null ? null
                            : "La révision " + restored + " a été restaurée" + (now == null ? "." : " : elle est devenue la révision " + now
                                    + ", publiée maintenant. Les révisions précédentes restent dans l’historique.");
                    return pages.ok("history/history.jte", pages.model(viewer, edition)
                            .put("kind", kind)
                            .put("id", id)
                            .put("current", current)
                            .put("revisions", page.revisions())
                            .put("olderBefore", page.olderBefore())
                            .put("newest", before == null)
                            .put("mayRestore", mayRestore(viewer, current))
                            .put("message", message));
                }));
    }

    /** {@code GET .../historique/comparer?de=m&a=n}. */
    Mono<ServerResponse> compare(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = kind.id(request);
        Long from = number(request.queryParam("de").orElse(null));
        Long to = number(request.queryParam("a").orElse(null));
        return pages.forViewer(request, edition, viewer -> {
            if (from == null || to == null || from < 1 || to < 1) {
                return pages.render(HttpStatus.BAD_REQUEST, "problem.jte", pages.model(viewer, edition)
                        .put("title", "Comparaison impossible")
                        .put("message", "Choisissez deux révisions dans l’historique (une dans la colonne « De », une dans la colonne « À »), "
                                + "puis « Comparer »."));
            }
            return Mono.zip(reader.current(kind, viewer.caller(), edition, id),
                            reader.compare(kind, viewer.caller(), edition, id, from, to))
                    .flatMap(both -> pages.ok("history/compare.jte", pages.model(viewer, edition)
                            .put("kind", kind)
                            .put("id", id)
                            .put("current", both.getT1())
                            .put("comparison", both.getT2())
                            .put("mayRestore", mayRestore(viewer, both.getT1()))));
        });
    }

    /** {@code GET .../historique/{n}/restaurer}: "are you sure?", with what the restore will change. */
    Mono<ServerResponse> confirmRestore(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = kind.id(request);
        Long revision = number(request.pathVariable("revision"));
        return pages.forViewer(request, edition, viewer -> restorePage(viewer, edition, id, revision, HttpStatus.OK, null));
    }

    /**
     * {@code POST .../historique/{n}/restaurer}: the restore, based on the revision the
     * confirmation showed as current ({@code If-Match}), so a change made meanwhile is shown to
     * the person rather than silently replaced; then back to the history, saying so.
     */
    Mono<ServerResponse> restore(ServerRequest request) {
        String edition = request.pathVariable("edition");
        String id = kind.id(request);
        Long revision = number(request.pathVariable("revision"));
        return pages.forViewer(request, edition, viewer -> request.formData().flatMap(data -> {
            if (revision == null) {
                return pages.notFound(viewer, edition, "Cette révision n’existe pas.");
            }
            Long basis = number(data.getFirst("current"));
            BackendClient.Request restore = kind.service().apply(backends)
                    .post(viewer.caller(), kind.apiPath() + "/revisions/" + revision + "/restore", kind.apiVariables(edition, id));
            if (basis != null) {
                restore.ifMatch(basis);
            }
            return restore.fetchJson()
                    .flatMap(answer -> StudioPages.seeOther(kind.historyPath(edition, id) + "?restauree=" + revision
                            + (answer.revision() > 0 ? "&nouvelle=" + answer.revision() : "")))
                    .onErrorResume(BackendRefusal.class, refusal -> refusal.status() >= 500 || refusal.status() == 404
                            ? Mono.error(refusal)
                            : restorePage(viewer, edition, id, revision, HttpStatusCode.valueOf(refusal.status()),
                                    refusal.status() == 412
                                            ? "Quelqu’un a modifié " + kind.noun() + " pendant que vous regardiez cette page. Rien n’a "
                                                    + "été restauré : voici ce que la restauration changerait maintenant ; confirmez de nouveau si "
                                                    + "vous le souhaitez toujours."
                                            : StudioProblems.general(refusal)));
        }));
    }

    private Mono<ServerResponse> restorePage(Viewer viewer, String edition, String id, Long revision, HttpStatusCode status, String error) {
        if (revision == null || revision < 1) {
            return pages.notFound(viewer, edition, "Cette révision n’existe pas.");
        }
        return reader.current(kind, viewer.caller(), edition, id).flatMap(current -> {
            if (!mayRestore(viewer, current)) {
                return pages.forbidden(viewer, edition, "Seules les personnes qui peuvent modifier " + kind.noun()
                        + " (son équipe, ou un administrateur) peuvent restaurer une de ses révisions.");
            }
            Mono<Optional<Comparison>> change = current.deleted() ? Mono.just(Optional.empty())
                    : reader.compare(kind, viewer.caller(), edition, id, current.revision(), revision).map(HistoryHandler::restorable)
                            .map(Optional::of);
            return change.flatMap(comparison -> {
                if (comparison.isPresent() && comparison.get().toDeleted()) {
                    return pages.render(HttpStatus.BAD_REQUEST, "problem.jte", pages.model(viewer, edition)
                            .put("title", "Restauration impossible")
                            .put("message", "La révision " + revision + " est une suppression : elle n’a pas de contenu à restaurer. "
                                    + "Choisissez une autre révision dans l’historique."));
                }
                return pages.render(status, "history/restore.jte", pages.model(viewer, edition)
                        .put("kind", kind)
                        .put("id", id)
                        .put("current", current)
                        .put("revision", revision)
                        .put("comparison", comparison.orElse(null))
                        .put("error", error));
            });
        });
    }

    /** A restore keeps the place and the owner team: the comparison does not announce them. */
    private static Comparison restorable(Comparison comparison) {
        java.util.List<String> kept = java.util.List.of(StudioLabels.field("position"), StudioLabels.field("ownerTeam"));
        return new Comparison(comparison.from(), comparison.to(),
                comparison.changed().stream().filter(field -> !kept.contains(field)).toList(),
                comparison.fromDeleted(), comparison.toDeleted(), comparison.sections());
    }

    /** Whoever may edit it; a deleted one comes back only by an admin (restoring it creates it again). */
    private static boolean mayRestore(Viewer viewer, HistoryReader.Current current) {
        return current.deleted() ? viewer.isAdmin() : viewer.caller().mayEdit(current.ownerTeam());
    }

    private static Long number(String text) {
        return text == null || !text.strip().matches("[0-9]{1,18}") ? null : Long.valueOf(text.strip());
    }
}
