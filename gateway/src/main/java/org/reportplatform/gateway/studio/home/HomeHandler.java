package org.reportplatform.gateway.studio.home;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.reportplatform.gateway.studio.StudioPages;
import org.reportplatform.gateway.studio.editions.Edition;
import org.reportplatform.gateway.studio.editions.EditionsApi;
import org.reportplatform.gateway.studio.drafts.Draft;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The studio's home ({@code /studio}, {@code /studio/{edition}}): the person's open drafts
 * (« Brouillons »), for reviewers the drafts submitted to them (« À relire »), what will be
 * published by itself (« Calendrier de publication »: chapters and key figures, each time in the
 * zone it was chosen in and in the person's own), then the chapters, key figures and datasets the
 * person's teams own (an admin: all of them), each with its last change and who made it. A member
 * also sees the report's other chapters, to consult.
 */
final class HomeHandler {

    private static final Logger log = LoggerFactory.getLogger(HomeHandler.class);

    private final StudioPages pages;
    private final StudioCatalog catalog;
    private final EditionsApi editions;

    HomeHandler(StudioPages pages, StudioCatalog catalog, EditionsApi editions) {
        this.pages = pages;
        this.catalog = catalog;
        this.editions = editions;
    }

    /**
     * {@code GET /studio}: the home of the edition the organisation works on
     * ({@code report.gateway.studio.editions}, the last one): a stable address for everyone, also
     * while a next edition is being prepared or an older one is being corrected; the home lists
     * the other editions to open.
     */
    Mono<ServerResponse> current(ServerRequest request) {
        return home(request, pages.properties().currentEdition());
    }

    /** {@code GET /studio/{edition}}. */
    Mono<ServerResponse> edition(ServerRequest request) {
        return home(request, request.pathVariable("edition"));
    }

    private Mono<ServerResponse> home(ServerRequest request, String edition) {
        return pages.forViewer(request, edition, viewer -> {
            Caller caller = viewer.caller();
            // Drafts and schedules are extra: when their services cannot say, the home still lists the rest, and says so.
            Mono<Optional<List<Draft>>> drafts = optional(catalog.drafts(caller, edition), "drafts");
            Mono<Optional<List<CalendarEntry>>> figures = optional(catalog.scheduledIndicators(caller, edition), "scheduled indicators");
            Mono<List<Edition>> known = editions.list(caller).onErrorReturn(List.of());
            return Mono.zip(catalog.chapters(caller, edition), catalog.indicators(caller, edition), catalog.datasets(caller, edition),
                            drafts, figures, known)
                    .flatMap(all -> {
                        Edition shown = all.getT6().stream().filter(e -> e.edition().equals(edition)).findFirst()
                                .orElseGet(() -> Edition.unrecorded(edition));
                        List<String> selectable = all.getT6().isEmpty() ? pages.properties().editions()
                                : all.getT6().stream().map(Edition::edition).sorted().toList();
                        boolean admin = caller.isAdmin();
                        List<StudioItems.Chapter> chapters = all.getT1();
                        List<Draft> open = all.getT4().orElse(List.of());
                        List<CalendarEntry> calendar = new ArrayList<>();
                        open.stream().filter(Draft::scheduled).forEach(draft -> calendar.add(CalendarEntry.of(draft, edition)));
                        calendar.addAll(all.getT5().orElse(List.of()));
                        calendar.sort(null);
                        Map<String, Draft> bySlug = open.stream().collect(Collectors.toMap(Draft::slug, Function.identity(), (a, b) -> a));
                        return pages.ok("home/home.jte", pages.model(viewer, edition)
                                .put("editions", selectable)
                                .put("described", shown)
                                .put("teams", List.copyOf(new TreeSet<>(caller.teams())))
                                .put("drafts", open.stream().filter(draft -> caller.mayEdit(draft.ownerTeam())).toList())
                                .put("reviewer", admin || caller.has(Role.REVIEWER))
                                .put("toReview", open.stream().filter(Draft::submitted).toList())
                                .put("calendar", List.copyOf(calendar))
                                .put("draftsUnavailable", all.getT4().isEmpty() || all.getT5().isEmpty())
                                .put("draftsBySlug", bySlug)
                                .put("chapters", chapters.stream().filter(StudioItems.Chapter::mayEdit).toList())
                                .put("otherChapters", admin ? List.of() : chapters.stream().filter(c -> !c.mayEdit()).toList())
                                .put("indicators", all.getT2().stream().filter(StudioItems.Indicator::mayEdit).toList())
                                .put("datasets", all.getT3().stream().filter(StudioItems.Dataset::mayEdit).toList()));
                    });
        });
    }

    private static <T> Mono<Optional<T>> optional(Mono<T> list, String what) {
        return list.map(Optional::of).onErrorResume(error -> {
            log.warn("studio home: {} not read: {}", what, error.toString());
            return Mono.just(Optional.empty());
        });
    }
}
