package org.reportplatform.platform.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class LowerCpuPriorityTest {

    @Test
    void theCallingThreadAndOnlyItRunsAtTheNiceValueAsked() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self")), "Linux only");
        int before = niceOfThisThread();
        assumeTrue(before <= 14, "room to lower the priority by 5");

        // When a thread lowers its own priority
        CompletableFuture<Integer> lowered = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            LowerCpuPriority.ofThisThread(before + 5);
            lowered.complete(niceOfThisThread());
        }, "lowered");
        thread.start();
        thread.join();

        // Then it runs at that nice value, and the thread that started it does not
        assertThat(lowered.get()).isEqualTo(before + 5);
        assertThat(niceOfThisThread()).isEqualTo(before);
    }

    /** Field 19 of /proc/thread-self/stat (after the command name, which may hold spaces). */
    private static int niceOfThisThread() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Integer.parseInt(fields[16]);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
