package org.reportplatform.platform.log;

import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;

/**
 * Calls to Kafka that are tried again until they succeed, with Spring's {@link RetryTemplate}: a
 * broker that is restarting or not reachable yet is a matter of seconds, not a reason to fail.
 */
public final class Retrying {

    private Retrying() {
    }

    /**
     * The pause after each failure: {@code first}, then multiplied by {@code multiplier} after
     * each further failure, never more than {@code max}.
     */
    public record Pauses(Duration first, double multiplier, Duration max) {

        public static Pauses fixed(Duration pause) {
            return new Pauses(pause, 1, pause);
        }

        /** The pause after {@code retries} retries failed (0: after the first attempt). */
        public Duration after(int retries) {
            double millis = first.toMillis() * Math.pow(multiplier, retries);
            return millis >= max.toMillis() ? max : Duration.ofMillis((long) millis);
        }

        private RetryPolicy.Builder policy() {
            RetryPolicy.Builder policy = RetryPolicy.builder().maxRetries(Long.MAX_VALUE).delay(first).multiplier(multiplier);
            return !max.isZero() && !max.isNegative() ? policy.maxDelay(max) : policy;
        }
    }

    /**
     * Runs {@code step} until it returns. After a failure (a {@link RuntimeException}),
     * {@code onFailure} is told it and the pause before the next attempt. Gives up, with a
     * {@link RetryException} whose cause is the last failure, once the next attempt would start
     * after {@code timeout} (null: never), as soon as {@code keepTrying} says false, or when the
     * thread is interrupted during a pause.
     */
    public static <T> T until(Duration timeout, Pauses pauses, BooleanSupplier keepTrying,
            BiConsumer<Throwable, Duration> onFailure, Supplier<T> step) throws RetryException {
        RetryPolicy.Builder policy = pauses.policy()
                .predicate(e -> e instanceof RuntimeException && keepTrying.getAsBoolean());
        if (timeout != null) {
            policy.timeout(timeout);
        }
        RetryTemplate template = new RetryTemplate(policy.build());
        template.setRetryListener(new RetryListener() {
            @Override
            public void onRetryableExecution(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState state) {
                if (!state.isSuccessful() && keepTrying.getAsBoolean()) {
                    onFailure.accept(state.getLastException(), pauses.after(state.getRetryCount()));
                }
            }
        });
        return template.execute(step::get);
    }

    /** The failure that made {@link #until} give up (an {@link Error} is thrown as it is). */
    public static RuntimeException lastFailure(RetryException e) {
        Throwable last = e.getLastException();
        if (last instanceof Error error) {
            throw error;
        }
        return last instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getMessage(), e);
    }
}
