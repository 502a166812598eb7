package org.reportplatform.render.publishing;

import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.nio.charset.StandardCharsets;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.reportplatform.render.sharing.OutputOwnership;
import org.reportplatform.render.site.Causes;
import org.reportplatform.render.site.Rendition;
import org.reportplatform.schemas.RenderedOutput;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes rendered outputs to their topic, keyed by path, as {@link RenderedOutput} (or a
 * tombstone for an output that no longer exists), and waits for Kafka's acknowledgement
 * (acks=all, idempotent producer: the platform's producer settings).
 *
 * <p>Only an output this instance owns is sent ({@link OutputOwnership}); one it no longer owns is
 * {@link Result#disowned()}, neither published nor to retry: its new owner renders it. When
 * instances share the rendering, each record names the instance that published it in the header
 * {@value #INSTANCE_HEADER}.
 */
public final class OutputPublisher {

    public static final String INSTANCE_HEADER = "report-render-instance";

    private final KafkaTemplate<String, SpecificRecord> template;
    private final Clock clock;
    private final Duration timeout;
    private final OutputOwnership ownership;
    private final byte[] instance;

    /** A publisher of every output (one instance renders them all). */
    public OutputPublisher(KafkaTemplate<String, SpecificRecord> template, Clock clock, Duration timeout) {
        this(template, clock, timeout, OutputOwnership.everything(), "");
    }

    /** @param instance the instance's id, named in each record's header (none when blank) */
    public OutputPublisher(KafkaTemplate<String, SpecificRecord> template, Clock clock, Duration timeout, OutputOwnership ownership,
            String instance) {
        this.template = template;
        this.clock = clock;
        this.timeout = timeout;
        this.ownership = ownership;
        this.instance = instance.isBlank() ? null : instance.getBytes(StandardCharsets.UTF_8);
    }

    /** One output to publish, with the events named as its causes. */
    public record Outgoing(Rendition rendition, Causes causes) {
    }

    /**
     * Which outputs Kafka acknowledged, which it did not (with the first error), and which were not
     * sent because another instance owns them now.
     */
    public record Result(List<Outgoing> acknowledged, List<Outgoing> failed, Throwable error, List<Outgoing> disowned) {
    }

    /** An output not sent: this instance no longer owns it. */
    private static final class Disowned extends RuntimeException {
        Disowned() {
            super(null, null, false, false);
        }
    }

    /** A send Kafka has not acknowledged yet. */
    public record Pending(Outgoing outgoing, CompletableFuture<?> acknowledgement) {
    }

    /** Publishes every output and waits for Kafka's acknowledgements (at most the timeout). */
    public Result publish(List<Outgoing> outgoing) {
        List<Pending> pending = new ArrayList<>(outgoing.size());
        outgoing.forEach(out -> pending.add(send(out)));
        return await(pending);
    }

    /** Sends one output without waiting (so that the next one can be rendered meanwhile); see {@link #await}. */
    public Pending send(Outgoing out) {
        Rendition r = out.rendition();
        try {
            ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(r.id().topic().name(), r.path(),
                    r.exists() ? record(r, out.causes(), clock.instant()) : null);
            if (instance != null) {
                record.headers().add(INSTANCE_HEADER, instance);
            }
            return ownership.whileOwned(r.id(), () -> new Pending(out, template.send(record)))
                    .orElseGet(() -> new Pending(out, CompletableFuture.failedFuture(new Disowned())));
        } catch (RuntimeException e) {
            return new Pending(out, CompletableFuture.failedFuture(e));
        }
    }

    /** Waits for the acknowledgement of every send, at most the timeout in all. */
    public Result await(List<Pending> pending) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Outgoing> acknowledged = new ArrayList<>();
        List<Outgoing> failed = new ArrayList<>();
        List<Outgoing> disowned = new ArrayList<>();
        Throwable error = null;
        for (Pending p : pending) {
            try {
                p.acknowledgement().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                acknowledged.add(p.outgoing());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(p.outgoing());
                error = error == null ? e : error;
            } catch (ExecutionException e) {
                if (e.getCause() instanceof Disowned) {
                    disowned.add(p.outgoing());
                } else {
                    failed.add(p.outgoing());
                    error = error == null ? (e.getCause() == null ? e : e.getCause()) : error;
                }
            } catch (TimeoutException e) {
                failed.add(p.outgoing());
                error = error == null ? e : error;
            }
        }
        return new Result(acknowledged, failed, error, disowned);
    }

    static RenderedOutput record(Rendition r, Causes causes, Instant now) {
        return RenderedOutput.newBuilder()
                .setPath(r.path())
                .setEdition(r.id().edition())
                .setContentType(r.contentType())
                .setContent(ByteBuffer.wrap(r.content()))
                .setSha256(r.sha256())
                .setSourceRevisions(new TreeMap<>(r.sourceRevisions()))
                .setCauses(causes.eventIds())
                .setTraceparent(causes.latestTraceparent().orElse(null))
                .setSourceChangedAt(causes.earliest().orElse(now))
                .setPublishedAt(now)
                .build();
    }
}
