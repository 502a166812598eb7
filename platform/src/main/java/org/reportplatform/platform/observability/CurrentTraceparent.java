package org.reportplatform.platform.observability;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;

/**
 * The W3C {@code traceparent} of the span current on this thread (a request's, continued from
 * the caller's {@code traceparent} header when it sent one), or null outside any trace. Change
 * events carry it in {@code EventMetadata.traceparent}: the log keeps which request caused each
 * event, and the rendered page's record names it.
 */
public final class CurrentTraceparent implements Supplier<String> {

    private final ObjectProvider<Tracer> tracer;

    public CurrentTraceparent(ObjectProvider<Tracer> tracer) {
        this.tracer = tracer;
    }

    @Override
    public String get() {
        Tracer current = tracer.getIfAvailable();
        Span span = current == null ? null : current.currentSpan();
        if (span == null || span.isNoop()) {
            return null;
        }
        return format(span.context());
    }

    /** {@code 00-<32 hex trace id>-<16 hex span id>-<flags>} (W3C Trace Context, version 00). */
    static String format(TraceContext context) {
        String traceId = context.traceId();
        if (traceId.length() == 16) {
            traceId = "0000000000000000" + traceId;
        }
        return "00-" + traceId + "-" + context.spanId() + "-" + (Boolean.TRUE.equals(context.sampled()) ? "01" : "00");
    }
}
