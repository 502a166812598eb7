package org.reportplatform.gateway.backend;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.reportplatform.gateway.routing.ServiceInstances;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.reportplatform.platform.security.Caller;
import org.reportplatform.platform.security.CallerAssertions;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.util.UriBuilder;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The gateway's own pages' way to one service's API (content-service, figures-service or the
 * render service): every call as the person looking at the page ({@code Authorization: Bearer
 * <CallerAssertions.mint(caller)>}, the same assertion the gateway's routes send), so the API, not
 * the page, decides what that person may do.
 *
 * <p>A refusal (4xx, 5xx) becomes a {@link BackendRefusal} carrying the problem document; a
 * service that does not answer within the gateway's request timeout is an error the pages show as
 * "unavailable".
 */
public final class BackendClient {

    private final ServiceInstances instances;
    private final Map<URI, WebClient> webs = new LinkedHashMap<>();
    private final CallerAssertions assertions;
    private final Duration timeout;

    public BackendClient(WebClient.Builder builder, URI baseUri, CallerAssertions assertions, Duration timeout) {
        this(builder, new ServiceInstances(baseUri.toString(), List.of(baseUri)), assertions, timeout);
    }

    /** A service with several instances (a writer's active one and standbys): each call goes to the active one. */
    public BackendClient(WebClient.Builder builder, ServiceInstances instances, CallerAssertions assertions, Duration timeout) {
        this.instances = instances;
        instances.all().forEach(uri -> webs.put(uri, builder.clone().baseUrl(uri.toString()).build()));
        this.assertions = assertions;
        this.timeout = timeout;
    }

    /** A successful answer: its body and its entity tag (the revision, for the writers), if any. */
    public record Answer<T>(T body, String etag, HttpHeaders headers) {

        /** The ETag's revision number ({@code "3"} -> 3); -1 when there is none. */
        public long revision() {
            if (etag == null) {
                return -1;
            }
            String value = etag.startsWith("W/") ? etag.substring(2) : etag;
            value = value.replace("\"", "");
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException notANumber) {
                return -1;
            }
        }
    }

    /** A request to send: build it with {@link #get}, {@link #put}... then {@link Request#json} etc. */
    public final class Request {
        private final Caller caller;
        private final HttpMethod method;
        private final Function<UriBuilder, URI> uri;
        private Object body;
        private MediaType bodyType = MediaType.APPLICATION_JSON;
        private Consumer<HttpHeaders> headers = h -> {
        };

        private Request(Caller caller, HttpMethod method, Function<UriBuilder, URI> uri) {
            this.caller = caller;
            this.method = method;
            this.uri = uri;
        }

        /** A JSON body (a record, a map, a {@link JsonNode}). */
        public Request json(Object value) {
            this.body = value;
            this.bodyType = MediaType.APPLICATION_JSON;
            return this;
        }

        /** A body of another type (e.g. {@code text/csv} bytes). */
        public Request body(byte[] bytes, MediaType type) {
            this.body = bytes;
            this.bodyType = type;
            return this;
        }

        /** {@code If-Match: "<revision>"}. */
        public Request ifMatch(long revision) {
            return header(HttpHeaders.IF_MATCH, "\"" + revision + "\"");
        }

        /** {@code If-None-Match: *} (create only). */
        public Request ifNoneMatchAny() {
            return header(HttpHeaders.IF_NONE_MATCH, "*");
        }

        public Request header(String name, String value) {
            Consumer<HttpHeaders> before = headers;
            headers = h -> {
                before.accept(h);
                h.set(name, value);
            };
            return this;
        }

        public <T> Mono<Answer<T>> fetch(Class<T> type) {
            return exchange(response -> response.bodyToMono(type));
        }

        public <T> Mono<Answer<T>> fetch(ParameterizedTypeReference<T> type) {
            return exchange(response -> response.bodyToMono(type));
        }

        /** The body as a JSON tree, for answers whose shape a page reads only in part. */
        public Mono<Answer<JsonNode>> fetchJson() {
            return fetch(JsonNode.class);
        }

        /** No body expected (204, or a body the page does not need). */
        public Mono<Answer<Void>> send() {
            return exchange(response -> response.releaseBody().then(Mono.empty()));
        }

        private <T> Mono<Answer<T>> exchange(Function<ClientResponse, Mono<T>> read) {
            return attempt(instances.inTurn(), 0, read).timeout(timeout);
        }

        /**
         * One instance after the other, as long as one cannot be reached or is a standby (neither
         * changed anything, so the request may go to the next); the last one's answer is the page's.
         */
        private <T> Mono<Answer<T>> attempt(List<URI> order, int index, Function<ClientResponse, Mono<T>> read) {
            URI instance = order.get(index);
            boolean last = index == order.size() - 1;
            Mono<Answer<T>> answer = once(webs.get(instance), instance, read);
            return last ? answer : answer.onErrorResume(e -> ServiceInstances.unreachable(e)
                            || e instanceof BackendRefusal refusal && refusal.fromStandby(),
                    e -> attempt(order, index + 1, read));
        }

        private <T> Mono<Answer<T>> once(WebClient web, URI instance, Function<ClientResponse, Mono<T>> read) {
            WebClient.RequestBodySpec request = web.method(method).uri(uri)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON, MediaType.ALL)
                    .headers(h -> {
                        if (caller != null) {
                            h.setBearerAuth(assertions.mint(caller));
                        }
                        headers.accept(h);
                    });
            WebClient.RequestHeadersSpec<?> ready = body == null ? request : request.contentType(bodyType).bodyValue(body);
            return ready.exchangeToMono(response -> {
                boolean standby = ServiceInstances.isStandbyRefusal(response.statusCode().value(), response.headers().asHttpHeaders());
                if (!standby) {
                    instances.answered(instance);
                }
                return response.statusCode().isError()
                        ? response.bodyToMono(JsonNode.class)
                                .onErrorResume(unreadable -> Mono.empty())
                                .map(problem -> BackendRefusal.of(response.statusCode().value(), problem, standby))
                                .defaultIfEmpty(BackendRefusal.of(response.statusCode().value(), null, standby))
                                .flatMap(Mono::<Answer<T>>error)
                        : read.apply(response)
                                .map(value -> new Answer<>(value, response.headers().asHttpHeaders().getETag(),
                                        response.headers().asHttpHeaders()))
                                .defaultIfEmpty(new Answer<>(null, response.headers().asHttpHeaders().getETag(),
                                        response.headers().asHttpHeaders()));
            });
        }
    }

    public Request get(Caller caller, String path, Object... variables) {
        return request(caller, HttpMethod.GET, path, variables);
    }

    public Request put(Caller caller, String path, Object... variables) {
        return request(caller, HttpMethod.PUT, path, variables);
    }

    public Request post(Caller caller, String path, Object... variables) {
        return request(caller, HttpMethod.POST, path, variables);
    }

    public Request delete(Caller caller, String path, Object... variables) {
        return request(caller, HttpMethod.DELETE, path, variables);
    }

    public Request patch(Caller caller, String path, Object... variables) {
        return request(caller, HttpMethod.PATCH, path, variables);
    }

    /** {@code path} may carry a query ({@code "/x?dryRun=true"}); {@code variables} fill its {@code {placeholders}}, encoded. */
    public Request request(Caller caller, HttpMethod method, String path, Object... variables) {
        return new Request(caller, method, builder -> {
            int query = path.indexOf('?');
            UriBuilder b = builder.path(query < 0 ? path : path.substring(0, query));
            if (query >= 0) {
                b = b.query(path.substring(query + 1));
            }
            return b.build(variables);
        });
    }

    /** Paths as lists of strings, for callers that build the list type once. */
    public static <T> ParameterizedTypeReference<List<T>> listOf(Class<T> type) {
        return ParameterizedTypeReference.forType(org.springframework.core.ResolvableType.forClassWithGenerics(List.class, type).getType());
    }
}
