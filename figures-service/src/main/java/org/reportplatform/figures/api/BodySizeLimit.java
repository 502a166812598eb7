package org.reportplatform.figures.api;

import java.util.concurrent.atomic.AtomicLong;
import org.reportplatform.figures.FiguresProperties;
import org.reportplatform.platform.errors.ApiException;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Caps every request body at {@code report.figures.max-body-size} (5 MB): a body past the limit,
 * declared or streamed, is refused once it has been read to its end (up to 64 MB, dropped as it
 * comes); a body that declares more than 64 MB is refused before it is read. The refusal surfaces where the handler reads the
 * body, so it is the platform's problem document: 413 with {@code errors: [{field: "body", ...}]}.
 *
 * <p>The codecs' own buffer limit ({@code spring.http.codecs.max-in-memory-size}) is set above
 * this one, so that this limit, with its 413, is the one that applies.
 */
@Component
public class BodySizeLimit implements WebFilter, Ordered {

    /**
     * A body past the limit is still read (and dropped) up to this size before the 413: answering
     * and closing while the client still sends makes the kernel reset the connection, and the
     * client may see the reset before the answer ("connection closed before response, while
     * sending request body" on a loaded machine). Beyond it the 413 comes at once.
     */
    private static final long DRAIN_LIMIT = 64L * 1024 * 1024;

    private final long maxBytes;

    public BodySizeLimit(FiguresProperties properties) {
        this.maxBytes = properties.maxBodySize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        long declared = request.getHeaders().getContentLength();
        ServerHttpRequest limited = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                if (declared > DRAIN_LIMIT) {
                    return Flux.error(tooLarge(declared));
                }
                AtomicLong read = new AtomicLong();
                return super.getBody().<DataBuffer>handle((buffer, sink) -> {
                    long total = read.addAndGet(buffer.readableByteCount());
                    if (total <= maxBytes) {
                        sink.next(buffer);
                        return;
                    }
                    DataBufferUtils.release(buffer);
                    if (total > DRAIN_LIMIT) {
                        sink.error(tooLarge(-1));
                    }
                }).concatWith(Mono.defer(() -> read.get() > maxBytes ? Mono.error(tooLarge(declared)) : Mono.empty()));
            }
        };
        return chain.filter(exchange.mutate().request(limited).build());
    }

    private ApiException tooLarge(long declared) {
        String size = declared > 0 ? "is " + declared + " bytes" : "is larger than " + maxBytes + " bytes";
        return new ApiException(HttpStatus.CONTENT_TOO_LARGE, "the request body " + size + "; the limit is " + maxBytes
                + " bytes (report.figures.max-body-size): split the import into smaller files",
                java.util.List.of(new ApiException.FieldProblem("body", "larger than " + maxBytes + " bytes")), java.util.Map.of());
    }

    /** Before anything reads the body. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
