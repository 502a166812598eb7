package org.reportplatform.gateway.site;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRange;
import org.springframework.http.HttpStatus;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * {@code Range} requests on a document (RFC 9110, section 14): one byte range is answered 206
 * with that slice (no copy), one that starts past the end 416. What the RFC lets a server ignore
 * is ignored, and the whole document is sent: several ranges, a malformed header, an
 * {@code If-Range} that is not the current (strong) entity tag.
 */
final class ByteRanges {

    private ByteRanges() {
    }

    /** The partial answer, or null to answer with the whole document. */
    static Mono<ServerResponse> partial(ServerRequest request, SiteEntry entry, Consumer<HttpHeaders> common) {
        String range = request.headers().firstHeader(HttpHeaders.RANGE);
        if (range == null) {
            return null;
        }
        String ifRange = request.headers().firstHeader(HttpHeaders.IF_RANGE);
        if (ifRange != null && !ifRange.strip().equals(entry.etag())) {
            return null;
        }
        List<HttpRange> ranges;
        try {
            ranges = HttpRange.parseRanges(range);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (ranges.size() != 1) {
            return null;
        }
        long length = entry.content().length;
        long start;
        long end;
        try {
            start = ranges.get(0).getRangeStart(length);
            end = Math.min(ranges.get(0).getRangeEnd(length), length - 1);
        } catch (IllegalArgumentException e) {
            start = length;
            end = -1;
        }
        if (start >= length || start > end) {
            return ServerResponse.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE)
                    .headers(common)
                    .header(HttpHeaders.CONTENT_RANGE, "bytes */" + length)
                    .build();
        }
        int from = Math.toIntExact(start);
        int count = Math.toIntExact(end - start + 1);
        return ServerResponse.status(HttpStatus.PARTIAL_CONTENT)
                .headers(common)
                .header(HttpHeaders.CONTENT_RANGE, "bytes " + start + "-" + end + "/" + length)
                .contentType(entry.contentType())
                .contentLength(count)
                .bodyValue(ByteBuffer.wrap(entry.content(), from, count).slice());
    }
}
