package org.reportplatform.gateway.errors;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/**
 * A request the HTTP codec could not decode (headers or request line over the server's limits,
 * a malformed request line or header) gets the platform's problem JSON, like every other refusal,
 * instead of Reactor Netty's empty 431/414/400. Such a request never reaches WebFlux, so this
 * sits in the Netty pipeline right after the codec; the connection is closed afterwards, as the
 * codec discards whatever follows a message it could not decode.
 */
@Component
public class MalformedRequestProblems implements NettyServerCustomizer {

    private static final String HANDLER_NAME = "report.malformedRequestProblems";

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remoteAddress) -> install(channel));
    }

    private static void install(Channel channel) {
        ChannelPipeline pipeline = channel.pipeline();
        if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(HANDLER_NAME) == null) {
            pipeline.addAfter(NettyPipeline.HttpCodec, HANDLER_NAME, new Handler());
        }
    }

    private static final class Handler extends ChannelInboundHandlerAdapter {

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
                Throwable cause = request.decoderResult().cause();
                ReferenceCountUtil.release(msg);
                HttpResponseStatus status;
                String field;
                String detail;
                if (cause instanceof TooLongHttpHeaderException) {
                    status = HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
                    field = "headers";
                    detail = "the request headers are larger than the gateway accepts";
                } else if (cause instanceof TooLongHttpLineException) {
                    status = HttpResponseStatus.REQUEST_URI_TOO_LONG;
                    field = "uri";
                    detail = "the request line is longer than the gateway accepts";
                } else {
                    status = HttpResponseStatus.BAD_REQUEST;
                    field = "request";
                    detail = "the request is not valid HTTP";
                }
                ctx.writeAndFlush(problem(status, field, detail)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.fireChannelRead(msg);
        }

        private static FullHttpResponse problem(HttpResponseStatus status, String field, String detail) {
            String json = "{\"type\":\"about:blank\",\"title\":\"" + status.reasonPhrase() + "\",\"status\":" + status.code()
                    + ",\"detail\":\"" + detail + "\",\"errors\":[{\"field\":\"" + field + "\",\"problem\":\"" + detail + "\"}]}";
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                    Unpooled.wrappedBuffer(json.getBytes(StandardCharsets.UTF_8)));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            return response;
        }
    }
}
