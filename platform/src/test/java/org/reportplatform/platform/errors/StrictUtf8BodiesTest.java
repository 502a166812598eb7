package org.reportplatform.platform.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;

/** JSON bodies reach the handler only as valid UTF-8, however the bytes are split into buffers. */
class StrictUtf8BodiesTest {

    private final StrictUtf8Bodies filter = new StrictUtf8Bodies();

    @ParameterizedTest
    @ValueSource(strings = {"7b227469746c65223a202243c3a9226d7d", // {"title": "Cé"m}: é split across buffers below
            "7b7d", "e282ac", "f09f9880"})
    void validUtf8PassesUntouchedInAnySplit(String hex) {
        byte[] body = HexFormat.of().parseHex(hex);
        for (int split = 0; split <= body.length; split++) {
            assertThat(read(body, split, MediaType.APPLICATION_JSON)).isEqualTo(new String(body, StandardCharsets.UTF_8));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"c0af", // overlong "/": Jackson alone decodes it
            "c328", "fffe", "eda080", // a lone surrogate
            "e282"}) // a character cut off at the end
    void invalidUtf8IsRefusedWithA400OnBody(String hex) {
        byte[] body = HexFormat.of().parseHex("7b2261223a2022" + hex + "227d");
        for (int split = 0; split <= body.length; split++) {
            try {
                read(body, split, MediaType.APPLICATION_JSON);
                throw new AssertionError("accepted " + hex + " split at " + split);
            } catch (ApiException e) {
                assertThat(e.getMessage()).contains("not valid UTF-8");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/csv", "text/csv; charset=klingon"})
    void otherBodiesAreNotThisFiltersBusiness(String contentType) {
        byte[] latin1 = {(byte) 0xE9};
        MockServerHttpRequest request = MockServerHttpRequest.put("/x").header("Content-Type", contentType)
                .body(Flux.just(DefaultDataBufferFactory.sharedInstance.wrap(latin1)));
        byte[][] seen = new byte[1][];
        WebFilterChain chain = exchange -> DataBufferUtils.join(exchange.getRequest().getBody())
                .doOnNext(b -> seen[0] = bytes(b)).then();
        filter.filter(MockServerWebExchange.from(request), chain).block();
        assertThat(seen[0]).isEqualTo(latin1);
    }

    private String read(byte[] body, int split, MediaType type) {
        Flux<DataBuffer> parts = Flux.just(
                DefaultDataBufferFactory.sharedInstance.wrap(java.util.Arrays.copyOfRange(body, 0, split)),
                DefaultDataBufferFactory.sharedInstance.wrap(java.util.Arrays.copyOfRange(body, split, body.length)));
        MockServerHttpRequest request = MockServerHttpRequest.put("/x").contentType(type).body(parts);
        StringBuilder out = new StringBuilder();
        WebFilterChain chain = exchange -> DataBufferUtils.join(exchange.getRequest().getBody())
                .doOnNext(b -> out.append(new String(bytes(b), StandardCharsets.UTF_8))).then();
        try {
            filter.filter(MockServerWebExchange.from(request), chain).block();
        } catch (RuntimeException e) {
            Throwable cause = reactor.core.Exceptions.unwrap(e);
            if (cause instanceof ApiException api) {
                throw api;
            }
            throw e;
        }
        return out.toString();
    }

    private static byte[] bytes(DataBuffer buffer) {
        byte[] bytes = new byte[buffer.readableByteCount()];
        buffer.read(bytes);
        DataBufferUtils.release(buffer);
        return bytes;
    }
}
