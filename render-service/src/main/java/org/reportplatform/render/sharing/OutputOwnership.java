package org.reportplatform.render.sharing;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.apache.kafka.common.utils.Utils;
import org.reportplatform.render.site.OutputId;
import org.reportplatform.schemas.Topics;

/**
 * Which outputs this instance renders and publishes. Alone (the default), every one. When several
 * instances share the rendering, those whose path hashes to a partition of
 * {@link Topics#RENDER_OWNERSHIP} that Kafka's group assignment gave this instance
 * ({@link #partitionOf}: the one place that says which partition an output belongs to).
 *
 * <p>A send of an output happens while its partition is owned ({@link #whileOwned}, under the read
 * lock); a revocation takes the write lock, so once {@link #revoke} returns no send of a revoked
 * output is under way or can start: the caller then flushes the producer, and the next owner,
 * assigned only after that, finds every record this instance published for those outputs.
 */
public final class OutputOwnership {

    private final boolean shared;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final CompletableFuture<Void> firstAssignment = new CompletableFuture<>();
    // Written under the write lock; read without it where a stale answer only costs a render.
    private volatile Set<Integer> owned = Set.of();

    private OutputOwnership(boolean shared) {
        this.shared = shared;
    }

    /** This instance renders every output (it runs alone). */
    public static OutputOwnership everything() {
        OutputOwnership ownership = new OutputOwnership(false);
        ownership.firstAssignment.complete(null);
        return ownership;
    }

    /** This instance renders the outputs of the partitions the ownership group assigns it (none until then). */
    public static OutputOwnership shared() {
        return new OutputOwnership(true);
    }

    /** The partition of {@link Topics#RENDER_OWNERSHIP} an output belongs to: Kafka's own hash of its path. */
    public static int partitionOf(String path) {
        return Utils.toPositive(Utils.murmur2(path.getBytes(StandardCharsets.UTF_8))) % Topics.RENDER_OWNERSHIP.partitions();
    }

    public boolean isShared() {
        return shared;
    }

    public boolean owns(OutputId id) {
        return !shared || owned.contains(partitionOf(id.path()));
    }

    /** The partitions owned now (every one when not shared). */
    public SortedSet<Integer> partitions() {
        if (!shared) {
            SortedSet<Integer> all = new TreeSet<>();
            for (int p = 0; p < Topics.RENDER_OWNERSHIP.partitions(); p++) {
                all.add(p);
            }
            return all;
        }
        return new TreeSet<>(owned);
    }

    /** Runs {@code send} if the output is owned, holding off revocations until it returns; empty if it is not. */
    public <T> Optional<T> whileOwned(OutputId id, Supplier<T> send) {
        if (!shared) {
            return Optional.of(send.get());
        }
        lock.readLock().lock();
        try {
            return owns(id) ? Optional.of(send.get()) : Optional.empty();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Partitions gained. */
    public void assign(Collection<Integer> partitions) {
        lock.writeLock().lock();
        try {
            Set<Integer> next = new TreeSet<>(owned);
            next.addAll(partitions);
            owned = Set.copyOf(next);
        } finally {
            lock.writeLock().unlock();
        }
        firstAssignment.complete(null);
    }

    /** Partitions lost: returns once no send of their outputs is under way. */
    public void revoke(Collection<Integer> partitions) {
        lock.writeLock().lock();
        try {
            Set<Integer> next = new TreeSet<>(owned);
            next.removeAll(partitions);
            owned = Set.copyOf(next);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Completes at the first assignment (at once when not shared), even an empty one. */
    public CompletableFuture<Void> firstAssignment() {
        return firstAssignment.copy();
    }
}
