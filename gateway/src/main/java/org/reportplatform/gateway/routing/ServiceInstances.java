package org.reportplatform.gateway.routing;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.reportplatform.platform.errors.ApiErrorHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The instances of one service behind the gateway, and which to send a request to first: a writer
 * service runs as one active writer and standbys, and only the active one takes writes. The
 * instance that last took a request (answered anything but a standby's refusal) is tried first;
 * if it cannot be reached or turns out to be a standby, the others are tried in turn. Both are
 * safe to retry: a refused connection carried nothing, and a standby changed nothing.
 *
 * <p>The API routes ({@link ActiveInstanceFilter}) and the gateway's own pages ({@code BackendClient})
 * share one per service, so what one learns the other uses.
 */
public final class ServiceInstances {

    private final String service;
    private final List<URI> uris;
    private final AtomicInteger first = new AtomicInteger();

    public ServiceInstances(String service, List<URI> uris) {
        if (uris.isEmpty()) {
            throw new IllegalArgumentException(service + " needs at least one instance");
        }
        this.service = service;
        this.uris = List.copyOf(uris);
    }

    public String service() {
        return service;
    }

    public List<URI> all() {
        return uris;
    }

    public boolean several() {
        return uris.size() > 1;
    }

    /** Every instance, the one that last took a request first, then the others in their configured order. */
    public List<URI> inTurn() {
        int start = first.get();
        List<URI> order = new ArrayList<>(uris.size());
        for (int i = 0; i < uris.size(); i++) {
            order.add(uris.get((start + i) % uris.size()));
        }
        return order;
    }

    /** {@code instance} answered a request as the writer (or as the only instance): tried first from now on. */
    public void answered(URI instance) {
        int index = uris.indexOf(instance);
        if (index >= 0) {
            first.set(index);
        }
    }

    /** A standby's refusal: 503 with {@code Report-Writer: standby} (the writers' ApiErrorHandler). */
    public static boolean isStandbyRefusal(int status, HttpHeaders headers) {
        return status == HttpStatus.SERVICE_UNAVAILABLE.value()
                && ApiErrorHandler.WRITER_STANDBY.equalsIgnoreCase(headers.getFirst(ApiErrorHandler.WRITER_HEADER));
    }

    /** The instance could not be connected to: the request never reached it. */
    public static boolean unreachable(Throwable failure) {
        return UpstreamFailureFilter.Failure.of(failure) == UpstreamFailureFilter.Failure.UNREACHABLE;
    }
}
