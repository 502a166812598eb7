package org.reportplatform.gateway.live;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.reportplatform.gateway.errors.ProblemResponses;
import org.reportplatform.gateway.live.LiveNotices.Connected;
import org.reportplatform.gateway.live.LiveNotices.Event;
import org.reportplatform.gateway.live.LiveNotices.Notice;
import org.reportplatform.gateway.live.LiveNotices.Reset;
import org.reportplatform.gateway.security.CurrentPerson;
import org.reportplatform.gateway.site.SiteEntry;
import org.reportplatform.gateway.site.SiteView;
import org.reportplatform.gateway.ui.UiPages;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The live stream and the pages that show it.
 * <ul>
 * <li>{@code GET /api/live}: Server-Sent Events, one per page or document published
 * ({@code event: published}) or deleted ({@code event: removed}), data a {@link LiveNotice} as
 * JSON, {@code id} its event id. Resumable: a client reconnecting with {@code Last-Event-ID} (or
 * {@code ?lastEventId=}) first gets what it missed, or {@code event: reset} when that is no longer
 * known. A comment line every {@code heartbeat} keeps proxies from closing an idle stream. For the
 * web team, operators and admins: a token or a signed-in session (the security chain checks).
 * <li>{@code GET /api/live/page?path=/2024/enfants}: what a page opened with {@code ?live} listens
 * to: {@code event: page} with the path's current SHA-256 at once, then again at every change of
 * that path. Public, like the page itself: it tells nothing a reload would not.
 * <li>{@code GET /live}: the live view for the web team (sign-in required).
 * <li>{@link #pathStream}: the same {@code page} events for one path of another view (a draft's
 * preview: {@code /api/live/preview}, whose handler checks who may follow it first).
 * </ul>
 */
public final class LiveHandler {

    static final String LAST_EVENT_ID = "Last-Event-ID";
    private static final ParameterizedTypeReference<ServerSentEvent<Object>> SSE = new ParameterizedTypeReference<>() {
    };
    private static final ServerSentEvent<Object> HEARTBEAT = ServerSentEvent.builder().comment("heartbeat").build();
    private static final Duration RETRY = Duration.ofSeconds(2);

    /** The data of a {@code page} event of {@code /api/live/page}. */
    public record PageState(String path, String sha256, boolean removed) {
    }

    private final LiveNotices notices;
    private final SiteView view;
    private final ProblemResponses problems;
    private final Duration heartbeat;

    public LiveHandler(LiveNotices notices, SiteView view, ProblemResponses problems, LiveProperties properties) {
        this.notices = notices;
        this.view = view;
        this.problems = problems;
        this.heartbeat = properties.heartbeat();
    }

    /** {@code GET /api/live}: who may open it is the security chain's business (AccessRules). */
    public Mono<ServerResponse> stream(ServerRequest request) {
        if (!notices.acceptsSubscribers()) {
            return tooMany(request);
        }
        String lastEventId = Optional.ofNullable(request.headers().firstHeader(LAST_EVENT_ID))
                .or(() -> request.queryParam("lastEventId")).orElse(null);
        Flux<ServerSentEvent<Object>> events = notices.subscribe(lastEventId).map(LiveHandler::toSse);
        return eventStream(events);
    }

    /** {@code GET /api/live/page?path=...}. */
    public Mono<ServerResponse> pageStream(ServerRequest request) {
        Optional<String> path = request.queryParam("path").filter(p -> p.startsWith("/") && p.length() <= 2048);
        if (path.isEmpty()) {
            return problems.response(request.exchange(), HttpStatus.BAD_REQUEST,
                    "path: give the path of the page to follow, e.g. ?path=/2024/enfants", Map.of(), HttpHeaders.EMPTY);
        }
        if (!notices.acceptsSubscribers()) {
            return tooMany(request);
        }
        String followed = path.get();
        Flux<ServerSentEvent<Object>> events = notices.subscribe(null).<ServerSentEvent<Object>>handle((event, sink) -> {
            if (event instanceof Connected) {
                // The state as of now: a change made before this stream opened is not missed.
                Optional<SiteEntry> entry = view.get(followed);
                sink.next(page(new PageState(followed, entry.map(SiteEntry::sha256).orElse(null), entry.isEmpty())));
            } else if (event instanceof Notice notice && notice.notice().path().equals(followed)) {
                // The served entry, not the notice: of a page and a document at one path, the page wins.
                Optional<SiteEntry> entry = view.get(followed);
                sink.next(page(new PageState(followed, entry.map(SiteEntry::sha256).orElse(null), entry.isEmpty())));
            }
        });
        return eventStream(events);
    }

    /**
     * {@code event: page} with the current SHA-256 of {@code path} in {@code view} at once, then
     * again at each change of that path (as {@code /api/live/page} does for the report), with the
     * same heartbeats. The view's changes are subscribed to before the current state is read, so
     * a change in between is not missed (at worst told twice).
     */
    public Mono<ServerResponse> pathStream(SiteView view, String path) {
        Flux<ServerSentEvent<Object>> changes = view.changes()
                .filter(change -> change.path().equals(path))
                .map(change -> page(state(view, path)));
        Mono<ServerSentEvent<Object>> now = Mono.fromSupplier(() -> page(state(view, path)));
        return eventStream(Flux.merge(changes, now));
    }

    private static PageState state(SiteView view, String path) {
        Optional<SiteEntry> entry = view.get(path);
        return new PageState(path, entry.map(SiteEntry::sha256).orElse(null), entry.isEmpty());
    }

    /** {@code GET /live}. */
    public Mono<ServerResponse> livePage(ServerRequest request) {
        return CurrentPerson.account(request.exchange()).flatMap(account ->
                UiPages.respond(HttpStatus.OK, UiPages.render("live.jte", Map.of("account", account))));
    }

    private Mono<ServerResponse> eventStream(Flux<ServerSentEvent<Object>> events) {
        return ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .cacheControl(CacheControl.noStore())
                // nginx and similar proxies: pass each event on at once, do not buffer the stream.
                .header("X-Accel-Buffering", "no")
                .body(withHeartbeats(events), SSE);
    }

    /** Comment lines while the stream is open, ending with it. */
    private Flux<ServerSentEvent<Object>> withHeartbeats(Flux<ServerSentEvent<Object>> events) {
        return events.publish(shared -> Flux.merge(shared,
                Flux.interval(heartbeat, heartbeat).map(tick -> HEARTBEAT)
                        .takeUntilOther(shared.then(Mono.just(Boolean.TRUE)))));
    }

    private Mono<ServerResponse> tooMany(ServerRequest request) {
        return problems.response(request.exchange(), HttpStatus.SERVICE_UNAVAILABLE,
                "this gateway has as many live streams open as it allows; try again shortly");
    }

    private static ServerSentEvent<Object> page(PageState state) {
        return ServerSentEvent.builder((Object) state).event("page").build();
    }

    private static ServerSentEvent<Object> toSse(Event event) {
        if (event instanceof Notice notice) {
            return ServerSentEvent.builder((Object) notice.notice()).id(notice.notice().id()).event(notice.notice().type()).build();
        }
        if (event instanceof Reset reset) {
            return ServerSentEvent.builder((Object) Map.of("lastEventId", reset.lastId(), "reason", reset.reason()))
                    .id(reset.lastId()).event("reset").build();
        }
        Connected connected = (Connected) event;
        return ServerSentEvent.builder().comment("live notices of gateway " + connected.instance()).retry(RETRY).build();
    }

}
