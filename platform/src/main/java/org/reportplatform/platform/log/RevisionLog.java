package org.reportplatform.platform.log;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.reportplatform.schemas.Topic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.retry.RetryException;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * A writer's state, kept on a Kafka topic: the log is the store.
 *
 * <p>On start, before the web server accepts requests, the whole topic is replayed (read
 * committed) into the {@code applier}, so the state is exactly what the log says. Afterwards every
 * write runs {@link #write} under one lock: decide against the current state, publish the events
 * in one Kafka transaction, and apply them only once Kafka committed them. The applier gets each
 * event with its position on the topic (from the record while replaying, from the send result
 * when writing), so the state may keep positions instead of whole old events and read those back
 * later ({@link RevisionReader}). The lock makes this service the single writer of its topic: a
 * decision is never based on a state that another write is about to change, and one key's
 * revisions reach the partition in order.
 *
 * <p>If Kafka fails or hangs, the transaction is aborted and {@link LogUnavailableException} is
 * thrown within a bounded time; read-committed consumers never see the aborted events. If Kafka
 * acknowledged the events but not the commit, the outcome is open ({@link WriteOutcomeUnknownException}):
 * the next write first settles it (see {@link #settle}).
 *
 * <p>A log made {@code standbyFirst} (a writer service whose instances elect one active writer,
 * {@code platform/leadership}) does not open its producer at start: after the replay it keeps
 * following its topic and refuses writes ({@link NotTheActiveWriterException}) until
 * {@link #takeOver} makes it the writer, and {@link #standBy} makes it a follower again.
 */
public class RevisionLog<E extends SpecificRecord> implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RevisionLog.class);
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(60);
    /** Each attempt already waits for Kafka (max.block.ms): no pause is needed between them. */
    private static final Retrying.Pauses WARM_UP_PAUSES = Retrying.Pauses.fixed(Duration.ZERO);

    private final Topic<E> topic;
    private final Function<E, String> keyOf;
    private final BiConsumer<E, LogPosition> applier;
    private final KafkaTemplate<String, SpecificRecord> template;
    private final ConsumerFactory<String, Object> consumers;
    private final Duration timeout;
    private final boolean standbyFirst;
    private final ReentrantLock writeLock = new ReentrantLock(true);
    /** Per partition, the offset after the last record the state holds (replayed, written or settled). */
    private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();
    /** A commit went unanswered: the topic may hold a write the state does not. */
    private volatile boolean unsettled;
    private volatile boolean replayed;
    private volatile long replayedEvents;
    private volatile boolean writable;
    // Guarded by writeLock: the tail a standby follows its topic with, and whether its records still apply.
    private LogTail<String, Object> tail;
    private boolean following;

    /** The single writer of its topic from start on (the log opens its producer once replayed). */
    public RevisionLog(Topic<E> topic, Function<E, String> keyOf, BiConsumer<E, LogPosition> applier,
            KafkaTemplate<String, SpecificRecord> template, ConsumerFactory<String, Object> consumers, Duration timeout) {
        this(topic, keyOf, applier, template, consumers, timeout, false);
    }

    /**
     * @param standbyFirst true: after the replay, follow the topic and refuse writes until
     *                     {@link #takeOver} (a leadership decides who writes); false: write from start on
     */
    public RevisionLog(Topic<E> topic, Function<E, String> keyOf, BiConsumer<E, LogPosition> applier,
            KafkaTemplate<String, SpecificRecord> template, ConsumerFactory<String, Object> consumers, Duration timeout,
            boolean standbyFirst) {
        this.topic = topic;
        this.keyOf = keyOf;
        this.applier = applier;
        this.template = template;
        this.consumers = consumers;
        this.timeout = timeout;
        this.standbyFirst = standbyFirst;
    }

    /**
     * Decides, publishes and applies one change. The decision may throw (a refused request):
     * then nothing is published. Blocking: call it off the event loop.
     */
    public <R> R write(Supplier<Decision<E, R>> decide) {
        requireWritable();
        writeLock.lock();
        try {
            requireWritable();
            settle();
            Decision<E, R> decision = decide.get();
            List<E> events = decision.events();
            if (!events.isEmpty()) {
                List<LogPosition> positions = publishAll(events.stream().map(this::send).toList(), List.of(this));
                for (int i = 0; i < events.size(); i++) {
                    apply(events.get(i), positions.get(i));
                }
            }
            return decision.result();
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Decides, publishes and applies one change that spans two logs of this service (a draft
     * published as the chapter's next revision and closed; a scheduled value written and its
     * schedule closed): both write locks are held while deciding, the events of both go out in
     * one Kafka transaction, and each log applies its own only once Kafka committed them. So the
     * two topics never disagree, whatever stops in between: a reader sees both or neither.
     * Locks are taken in the order of the topics' names, so two joint writes cannot deadlock.
     * Both logs must publish with the same transactional template. Blocking: call it off the event loop.
     */
    public <F extends SpecificRecord, R> R writeWith(RevisionLog<F> other, Supplier<JointDecision<E, F, R>> decide) {
        if (other == this || other.template != template) {
            throw new IllegalArgumentException("a joint write needs two logs sharing one transactional template");
        }
        requireWritable();
        other.requireWritable();
        boolean thisFirst = topic.name().compareTo(other.topic.name()) < 0;
        ReentrantLock first = thisFirst ? writeLock : other.writeLock;
        ReentrantLock second = thisFirst ? other.writeLock : writeLock;
        first.lock();
        second.lock();
        try {
            requireWritable();
            other.requireWritable();
            settle();
            other.settle();
            JointDecision<E, F, R> decision = decide.get();
            List<Send> sends = new ArrayList<>();
            decision.events().forEach(event -> sends.add(send(event)));
            decision.otherEvents().forEach(event -> sends.add(other.send(event)));
            if (!sends.isEmpty()) {
                List<LogPosition> positions = publishAll(sends, List.of(this, other));
                int i = 0;
                for (E event : decision.events()) {
                    apply(event, positions.get(i++));
                }
                for (F event : decision.otherEvents()) {
                    other.apply(event, positions.get(i++));
                }
            }
            return decision.result();
        } finally {
            second.unlock();
            first.unlock();
        }
    }

    /**
     * A dry run of {@link #write}: decides exactly as a write would (under the same lock, against
     * the same state, so the same refusals), publishes and applies nothing, and answers what
     * {@code answer} makes of the decision (still under the lock, so it may read the state the
     * decision was taken on). Blocking: call it off the event loop.
     */
    public <R, A> A dryRun(Supplier<Decision<E, R>> decide, Function<Decision<E, R>, A> answer) {
        requireWritable();
        writeLock.lock();
        try {
            requireWritable();
            return answer.apply(decide.get());
        } finally {
            writeLock.unlock();
        }
    }

    private void requireWritable() {
        if (!replayed) {
            throw new LogUnavailableException("the state of " + topic.name() + " is still being replayed", null);
        }
        if (!writable) {
            throw new NotTheActiveWriterException(topic.name());
        }
    }

    /** Whether this log takes writes now (replayed, and the active writer if a leadership decides). */
    public boolean isWritable() {
        return writable;
    }

    private Map<TopicPartition, Long> appliedPositions() {
        Map<TopicPartition, Long> positions = new HashMap<>();
        nextOffsets.forEach((partition, next) -> positions.put(new TopicPartition(topic.name(), partition), next));
        return positions;
    }

    private LogFollower<String, Object> follower(String purpose) {
        return new LogFollower<>(consumers, List.of(topic.name()),
                FollowerSettings.named(topic.name() + "-" + purpose).withKafkaTimeout(timeout));
    }

    /**
     * First step of making this log the writer of its topic: stops following it, and opens the
     * transactional producer (InitProducerId under the writer's fixed transactional id: from this
     * moment any other instance still holding that id is fenced, its next commit fails and nothing
     * it had in flight becomes visible). Writes are still refused. Blocking; called by the
     * leadership when this instance is elected, then {@link #catchUp}, then {@link #acceptWrites}.
     */
    public void prepareTakeOver() {
        stopFollowing();
        warmUp();
    }

    /**
     * Second step: reads the topic to its end, committed records only, so the state holds every
     * revision the previous writer committed. Writes are still refused. Blocking.
     */
    public void catchUp() {
        LogRead read = follower("catch-up").readFrom(appliedPositions(), record -> applyRecord(record, "catching up"));
        log.info("caught up with {} to take over its writes: {} events in {} ms", topic.name(), read.records(), read.millis());
    }

    /** Last step: writes are accepted. */
    public void acceptWrites() {
        writable = true;
    }

    /**
     * Stops taking writes at once (a write in progress ends first: it commits, or fails if this
     * instance was fenced), then follows the topic from where the state is, so it stays current
     * for a later {@link #takeOver}. Called by the leadership when this instance is not (or no
     * longer) the writer.
     */
    public void standBy() {
        writable = false;
        writeLock.lock();
        try {
            if (tail == null) {
                following = true;
                tail = follower("standby").followFrom(appliedPositions(), this::followed, caughtUp -> {
                });
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** Stops taking writes, without following the topic any more (the service is stopping). */
    public void retire() {
        writable = false;
        stopFollowing();
    }

    private void followed(ConsumerRecord<String, Object> record) {
        writeLock.lock();
        try {
            // A record polled just before a take-over stopped the tail: the catch-up reads it.
            if (following) {
                applyRecord(record, "following");
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** The tail is stopped outside the lock: its thread may be waiting for the lock to apply a record. */
    private void stopFollowing() {
        LogTail<String, Object> stopping;
        writeLock.lock();
        try {
            following = false;
            stopping = tail;
            tail = null;
        } finally {
            writeLock.unlock();
        }
        if (stopping != null) {
            stopping.stop();
        }
    }

    /** One record to send: an event of some log, on that log's topic, under its key. */
    private record Send(String topic, String key, SpecificRecord event) {
    }

    private Send send(E event) {
        return new Send(topic.name(), keyOf.apply(event), event);
    }

    /**
     * Publishes the records of {@code logs} in one transaction; their positions on their topics,
     * in order, once it committed.
     */
    private List<LogPosition> publishAll(List<Send> records, List<RevisionLog<?>> logs) {
        boolean[] acknowledged = {false};
        try {
            return template.executeInTransaction(operations -> {
                List<java.util.concurrent.CompletableFuture<SendResult<String, SpecificRecord>>> sends = new ArrayList<>();
                for (Send record : records) {
                    sends.add(operations.send(record.topic(), record.key(), record.event()));
                }
                List<LogPosition> positions = new ArrayList<>(sends.size());
                for (var send : sends) {
                    RecordMetadata written = await(send).getRecordMetadata();
                    positions.add(new LogPosition(written.partition(), written.offset()));
                }
                acknowledged[0] = true;
                return positions;
            });
        } catch (RuntimeException e) {
            String topics = String.join(" and ", records.stream().map(Send::topic).distinct().toList());
            if (acknowledged[0]) {
                // Spring Kafka does not abort after a failed commit: the coordinator may have
                // recorded it (then it completes it), or not (then it aborts it).
                logs.forEach(written -> written.unsettled = true);
                throw new WriteOutcomeUnknownException("Kafka acknowledged " + records.size() + " event(s) on " + topics
                        + " but did not confirm their commit: " + rootMessage(e), e);
            }
            throw new LogUnavailableException("Kafka did not acknowledge " + records.size() + " event(s) on "
                    + topics + ": " + rootMessage(e), e);
        }
    }

    /**
     * After a commit that went unanswered, brings the state up to the topic before anything is
     * decided on it: a decision on a state that misses a committed revision would publish that
     * revision number a second time. A new producer's initTransactions (the template replaced the
     * one whose commit failed) returns only once the coordinator has completed the open
     * transaction of this transactional id, committed or aborted, markers written; then the
     * records past the state's positions are read (read_committed) and applied. Until that
     * succeeds, writes are refused, and nothing of them is published.
     */
    private void settle() {
        if (!unsettled) {
            return;
        }
        try {
            template.executeInTransaction(operations -> null);
            Map<TopicPartition, Long> from = new java.util.HashMap<>();
            nextOffsets.forEach((partition, offset) -> from.put(new TopicPartition(topic.name(), partition), offset));
            long[] found = {0};
            new LogFollower<>(consumers, List.of(topic.name()), FollowerSettings.named(topic.name() + "-settle").withKafkaTimeout(timeout))
                    .readFrom(from, record -> found[0] += applyRecord(record, "settling") ? 1 : 0);
            unsettled = false;
            log.warn("settled {} after a commit Kafka did not confirm: {} event(s) on the topic that the state did not hold",
                    topic.name(), found[0]);
        } catch (RuntimeException e) {
            throw new LogUnavailableException("an earlier write on " + topic.name() + " is not settled yet: " + rootMessage(e), e);
        }
    }

    private void apply(E event, LogPosition position) {
        applier.accept(event, position);
        nextOffsets.merge(position.partition(), position.offset() + 1, Math::max);
    }

    /** Applies a record read from the topic; an unreadable one is logged and passed over. Whether it was applied. */
    private boolean applyRecord(ConsumerRecord<String, Object> record, String doing) {
        nextOffsets.merge(record.partition(), record.offset() + 1, Math::max);
        if (record.value() == null) {
            log.error("skipped an unreadable record at {}-{}@{} while {}", record.topic(), record.partition(), record.offset(), doing);
            return false;
        }
        applier.accept(topic.cast(record.value()), new LogPosition(record.partition(), record.offset()));
        return true;
    }

    private <T> T await(java.util.concurrent.CompletableFuture<T> send) {
        try {
            return send.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Kafka", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("send failed: " + rootMessage(e), e);
        }
    }

    /** Reads the topic from the beginning up to its current end (last stable offset). */
    void replay() {
        long[] applied = {0};
        LogRead read = new LogFollower<>(consumers, List.of(topic.name()),
                FollowerSettings.named(topic.name() + "-replay").withKafkaTimeout(timeout))
                .readToEnd(record -> applied[0] += applyRecord(record, "replaying") ? 1 : 0);
        replayedEvents = applied[0];
        replayed = true;
        log.info("replayed {} events of {} in {} ms", replayedEvents, topic.name(), read.millis());
    }

    public boolean isReplayed() {
        return replayed;
    }

    public long replayedEvents() {
        return replayedEvents;
    }

    public Topic<E> topic() {
        return topic;
    }

    @Override
    public void start() {
        replay();
        if (standbyFirst) {
            standBy();
        } else {
            warmUp();
            writable = true;
        }
    }

    /**
     * Opens the transactional producer (InitProducerId) before the first request. On a fresh
     * broker that call waits for the transaction coordinator, which can take longer than a
     * request may wait; doing it here keeps the first write as fast as any other.
     */
    private void warmUp() {
        try {
            Retrying.until(WARM_UP_LIMIT, WARM_UP_PAUSES, () -> true,
                    (failure, pause) -> log.warn("the transactional producer for {} is not ready yet ({}); retrying", topic.name(),
                            rootMessage(failure)),
                    () -> template.executeInTransaction(operations -> null));
        } catch (RetryException e) {
            RuntimeException last = Retrying.lastFailure(e);
            throw new IllegalStateException("Kafka accepted no transaction for " + topic.name() + " within "
                    + WARM_UP_LIMIT.toSeconds() + " s: " + rootMessage(last), last);
        }
    }

    /** Lets a write in progress finish (its commit included) before the producer is closed. */
    @Override
    public void stop() {
        stopFollowing();
        try {
            if (writeLock.tryLock(2 * timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                writeLock.unlock();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return replayed;
    }

    /** Before the web server starts (it starts in a much later phase): no request sees a partial state. */
    @Override
    public int getPhase() {
        return 0;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = NestedExceptionUtils.getMostSpecificCause(e);
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
