package org.reportplatform.gateway.site;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.zip.GZIPOutputStream;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.web.server.Compression;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.util.MimeType;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * The gateway's hot path, in the server's Netty pipeline right after the HTTP codec: a plain
 * {@code GET} or {@code HEAD} of a published output ({@code /2024/enfants}: no query, no
 * {@code Range}, no {@code Expect}) is answered there from the {@link SiteView}, before Reactor
 * Netty's and WebFlux's per-request machinery, which costs several times what writing the stored
 * bytes does (measured with wrk; see docs/gateway.md). Everything else, misses included, passes
 * on unchanged to WebFlux, where {@link SiteHandler} is the one implementation of the rest (404 and
 * 503 problems, {@code ?live}, ranges, redirects).
 *
 * <p>The answer is the one {@link SiteHandler} gives: the stored bytes and type, the SHA-256 as
 * strong {@code ETag}, 304 on a matching {@code If-None-Match}, {@code Cache-Control: no-cache},
 * {@code nosniff}, {@code Vary: Accept-Encoding} for text or {@code Accept-Ranges: bytes} for
 * documents. Text the server would compress ({@code server.compression.*}) is sent gzipped to
 * clients that accept it, compressed once per version instead of once per request.
 *
 * <p>HTTP/1.1 order is kept: a connection's request is answered here only when no earlier
 * request of that connection is still being answered by WebFlux (pipelining). These requests do
 * not appear in {@code http.server.requests}; {@code report.gateway.pages.fast} counts them.
 */
public final class FastPages implements NettyServerCustomizer {

    static final String HANDLER_NAME = "report.fastPages";
    private static final String NO_CACHE = CacheControl.noCache().getHeaderValue();
    private static final String NOSNIFF = "nosniff";
    private static final String X_CONTENT_TYPE_OPTIONS = "X-Content-Type-Options";

    private final SiteView view;
    private final boolean compress;
    private final List<MimeType> compressedTypes;
    private final long minCompressedSize;
    private final Map<String, Gzipped> gzipped = new ConcurrentHashMap<>();
    private final LongAdder served = new LongAdder();

    private record Gzipped(String sha256, byte[] bytes) {
    }

    public FastPages(SiteView view, Compression compression) {
        this.view = view;
        this.compress = compression != null && compression.getEnabled();
        this.compressedTypes = compression == null || compression.getMimeTypes() == null ? List.of()
                : Arrays.stream(compression.getMimeTypes()).map(MimeType::valueOf).toList();
        this.minCompressedSize = compression == null || compression.getMinResponseSize() == null ? Long.MAX_VALUE
                : compression.getMinResponseSize().toBytes();
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> install(channel));
    }

    /** Requests answered here since start. */
    public long served() {
        return served.sum();
    }

    private void install(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER_NAME) == null) {
            pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new Handler());
        }
    }

    private SiteEntry servable(HttpRequest request) {
        HttpMethod method = request.method();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || !request.decoderResult().isSuccess()) {
            return null;
        }
        String uri = request.uri();
        if (uri.length() < 3 || uri.charAt(0) != '/' || !Character.isDigit(uri.charAt(1)) || uri.indexOf('?') >= 0) {
            return null;
        }
        HttpHeaders headers = request.headers();
        if (headers.contains(HttpHeaderNames.RANGE) || headers.contains(HttpHeaderNames.EXPECT)) {
            return null;
        }
        return view.get(uri).orElse(null);
    }

    private FullHttpResponse response(HttpRequest request, SiteEntry entry) {
        String etag = entry.etag();
        HttpVersion version = request.protocolVersion();
        boolean notModified = EntityTags.noneMatchFails(request.headers().getAll(HttpHeaderNames.IF_NONE_MATCH), etag);
        byte[] body = entry.content();
        boolean gzip = false;
        if (!notModified && compressible(entry) && acceptsGzip(request.headers().get(HttpHeaderNames.ACCEPT_ENCODING))) {
            body = gzipped(entry);
            gzip = true;
        }
        boolean head = request.method() == HttpMethod.HEAD;
        FullHttpResponse response = notModified
                ? new DefaultFullHttpResponse(version, HttpResponseStatus.NOT_MODIFIED, Unpooled.EMPTY_BUFFER)
                : new DefaultFullHttpResponse(version, HttpResponseStatus.OK, head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        HttpHeaders headers = response.headers();
        headers.set(HttpHeaderNames.ETAG, etag);
        headers.set(HttpHeaderNames.CACHE_CONTROL, NO_CACHE);
        headers.set(X_CONTENT_TYPE_OPTIONS, NOSNIFF);
        if (entry.isText()) {
            headers.set(HttpHeaderNames.VARY, "Accept-Encoding");
        } else {
            headers.set(HttpHeaderNames.ACCEPT_RANGES, HttpHeaderValues.BYTES);
        }
        if (!notModified) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, entry.contentType().toString());
            headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length);
            if (gzip) {
                headers.set(HttpHeaderNames.CONTENT_ENCODING, HttpHeaderValues.GZIP);
            }
        }
        return response;
    }

    private boolean compressible(SiteEntry entry) {
        if (!compress || entry.content().length < minCompressedSize) {
            return false;
        }
        MediaType type = entry.contentType();
        for (MimeType compressed : compressedTypes) {
            if (compressed.equalsTypeAndSubtype(type)) {
                return true;
            }
        }
        return false;
    }

    /** True when the Accept-Encoding header lists gzip (or *) without q=0. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                for (int i = 1; i < parts.length; i++) {
                    String parameter = parts[i].strip().replace(" ", "");
                    if (parameter.matches("(?i)q=0(\\.0{0,3})?")) {
                        return false;
                    }
                }
                return true;
            }
        }
        return false;
    }

    private byte[] gzipped(SiteEntry entry) {
        Gzipped cached = gzipped.get(entry.path());
        if (cached != null && cached.sha256().equals(entry.sha256())) {
            return cached.bytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(entry.content().length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(entry.content());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bytes = out.toByteArray();
        gzipped.put(entry.path(), new Gzipped(entry.sha256(), bytes));
        return bytes;
    }

    /** One per connection: Netty calls it from the connection's event loop only. */
    private final class Handler extends ChannelDuplexHandler {

        /** Requests passed on to WebFlux whose response has not been written to the end yet. */
        private int inFlight;
        /** The rest (content parts) of a request answered here, to drop. */
        private boolean dropping;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                SiteEntry entry = inFlight == 0 ? servable(request) : null;
                if (entry != null) {
                    dropping = !(msg instanceof LastHttpContent);
                    try {
                        answer(ctx, request, entry);
                    } finally {
                        ReferenceCountUtil.release(msg);
                    }
                    readOn(ctx);
                    return;
                }
                inFlight++;
            } else if (dropping && msg instanceof HttpContent) {
                dropping = !(msg instanceof LastHttpContent);
                ReferenceCountUtil.release(msg);
                readOn(ctx);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        /**
         * Reactor Netty reads a connection on demand (auto-read off) and asks for the next
         * message once it has handled one; a message consumed here never reaches it, so ask here.
         */
        private void readOn(ChannelHandlerContext ctx) {
            if (!ctx.channel().config().isAutoRead()) {
                ctx.read();
            }
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            // The end of a response from WebFlux (a full response is also its own last content);
            // an interim 1xx response is not the end.
            if (msg instanceof LastHttpContent && inFlight > 0
                    && !(msg instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL)) {
                inFlight--;
            }
            ctx.write(msg, promise);
        }

        private void answer(ChannelHandlerContext ctx, HttpRequest request, SiteEntry entry) {
            FullHttpResponse response = response(request, entry);
            boolean keepAlive = HttpUtil.isKeepAlive(request);
            if (!keepAlive) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            } else if (request.protocolVersion().equals(HttpVersion.HTTP_1_0)) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            served.increment();
            if (keepAlive) {
                ctx.writeAndFlush(response, ctx.voidPromise());
            } else {
                ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
            }
        }
    }
}
