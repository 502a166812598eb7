package org.reportplatform.platform.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.core.retry.RetryException;

class RetryingTest {

    private final List<Duration> pauses = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();

    @Test
    void triesAgainAfterEachFailureWithGrowingPausesUpToTheLongest() throws Exception {
        String result = Retrying.until(Duration.ofSeconds(30), new Retrying.Pauses(Duration.ofMillis(1), 2, Duration.ofMillis(4)), () -> true,
                (failure, pause) -> pauses.add(pause), () -> {
                    if (attempts.incrementAndGet() < 5) {
                        throw new IllegalStateException("not yet");
                    }
                    return "done";
                });

        assertThat(result).isEqualTo("done");
        assertThat(pauses).containsExactly(Duration.ofMillis(1), Duration.ofMillis(2), Duration.ofMillis(4), Duration.ofMillis(4));
    }

    @Test
    void givesUpOnceTheNextAttemptWouldStartAfterTheTimeoutWithTheLastFailure() {
        assertThatThrownBy(() -> Retrying.until(Duration.ofMillis(200), Retrying.Pauses.fixed(Duration.ofMillis(50)), () -> true,
                (failure, pause) -> { }, () -> {
                    throw new IllegalStateException("attempt " + attempts.incrementAndGet());
                }))
                .isInstanceOf(RetryException.class)
                .satisfies(e -> assertThat(Retrying.lastFailure((RetryException) e)).hasMessage("attempt " + attempts.get()));
        assertThat(attempts.get()).isBetween(2, 5);
    }

    @Test
    void stopsAsSoonAsItShouldNoLongerTry() {
        assertThatThrownBy(() -> Retrying.until(null, Retrying.Pauses.fixed(Duration.ofMillis(1)), () -> attempts.get() < 3,
                (failure, pause) -> pauses.add(pause), () -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("no");
                }))
                .isInstanceOf(RetryException.class);
        assertThat(attempts.get()).isEqualTo(3);
        assertThat(pauses).hasSize(2);
    }
}
