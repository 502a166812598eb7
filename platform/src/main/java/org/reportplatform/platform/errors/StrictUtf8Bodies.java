package org.reportplatform.platform.errors;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses a JSON request body that is not valid UTF-8 (400 on {@code body}), checked as it streams
 * in, before Jackson reads it. Jackson's byte parser accepts some invalid UTF-8 and decodes it:
 * the overlong {@code C0 AF} becomes {@code /}, which is how filters that look for {@code ../} are
 * bypassed; text must reach the log exactly as the client meant it, or not at all. The JDK's
 * decoder, used here, rejects overlong forms, lone surrogates and stray continuation bytes.
 */
public final class StrictUtf8Bodies implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        MediaType type;
        try {
            type = exchange.getRequest().getHeaders().getContentType();
        } catch (InvalidMediaTypeException e) {
            return chain.filter(exchange); // not this filter's to judge: the handler refuses it (415)
        }
        boolean json = type != null && (MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json"));
        if (!json) {
            return chain.filter(exchange);
        }
        ServerHttpRequest checked = new ServerHttpRequestDecorator(exchange.getRequest()) {
            @Override
            public Flux<DataBuffer> getBody() {
                Utf8Check check = new Utf8Check();
                return super.getBody().handle((DataBuffer buffer, reactor.core.publisher.SynchronousSink<DataBuffer> sink) -> {
                    if (check.accept(buffer)) {
                        sink.next(buffer);
                    } else {
                        DataBufferUtils.release(buffer);
                        sink.error(invalid());
                    }
                }).concatWith(Mono.defer(() -> check.complete() ? Mono.empty() : Mono.error(invalid())));
            }
        };
        return chain.filter(exchange.mutate().request(checked).build());
    }

    private static ApiException invalid() {
        return new ApiException(HttpStatus.BAD_REQUEST, "the request body is not valid UTF-8",
                List.of(new ApiException.FieldProblem("body", "is not valid UTF-8 (JSON must be sent as UTF-8)")), Map.of());
    }

    /** Before anything reads the body. */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** A streaming UTF-8 check: bytes of a character split between buffers wait for the next one. */
    private static final class Utf8Check {
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        private final CharBuffer sink = CharBuffer.allocate(8192);
        private byte[] pending = new byte[0];

        boolean accept(DataBuffer buffer) {
            byte[] bytes = new byte[pending.length + buffer.readableByteCount()];
            System.arraycopy(pending, 0, bytes, 0, pending.length);
            buffer.toByteBuffer(buffer.readPosition(), ByteBuffer.wrap(bytes), pending.length, buffer.readableByteCount());
            ByteBuffer in = ByteBuffer.wrap(bytes);
            if (!decode(in, false)) {
                return false;
            }
            pending = new byte[in.remaining()];
            in.get(pending);
            return true;
        }

        boolean complete() {
            return decode(ByteBuffer.wrap(pending), true) && !decoder.flush(sink.clear()).isError();
        }

        private boolean decode(ByteBuffer in, boolean last) {
            while (true) {
                CoderResult result = decoder.decode(in, sink.clear(), last);
                if (result.isError()) {
                    return false;
                }
                if (!result.isOverflow()) {
                    return !last || !in.hasRemaining();
                }
            }
        }
    }
}
