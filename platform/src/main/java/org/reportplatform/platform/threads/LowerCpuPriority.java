package org.reportplatform.platform.threads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the calling thread a higher Linux nice value, so it runs on the CPU other threads leave.
 *
 * <p>Why: work that may wait took the cores an edit needed. The report PDF takes hundreds of
 * milliseconds of CPU and is rendered beside the pages: on a small machine it took the core a page
 * render or another service needed and set the tail of edit-to-live (p99 100.5 ms; 72 ms with the
 * PDF's thread at nice 19, docs/gateway.md). The gateway's search indexing did the same to the next
 * edit's request (docs/search.md). Java's
 * thread priorities do nothing on Linux without root, but Linux schedules each thread on its own
 * and lets any user lower a thread's priority: {@code renice} on the thread's id does it.
 * Best effort: where that cannot be done (no /proc, no renice) the thread runs as before and the
 * reason is logged.
 */
public final class LowerCpuPriority {

    private static final Logger log = LoggerFactory.getLogger(LowerCpuPriority.class);

    private LowerCpuPriority() {
    }

    /** Lowers the calling thread's priority to {@code niceness} (1 to 19); 0 does nothing. */
    public static void ofThisThread(int niceness) {
        if (niceness <= 0) {
            return;
        }
        int nice = Math.min(niceness, 19);
        String thread = Thread.currentThread().getName();
        Optional<String> threadId = linuxThreadId();
        if (threadId.isEmpty()) {
            log.info("{} keeps its CPU priority: no Linux thread id (/proc/thread-self)", thread);
            return;
        }
        try {
            Process renice = new ProcessBuilder("renice", "-n", Integer.toString(nice), "-p", threadId.get())
                    .redirectErrorStream(true).start();
            if (!renice.waitFor(5, TimeUnit.SECONDS)) {
                renice.destroyForcibly();
                log.warn("{} keeps its CPU priority: renice did not finish in 5 s", thread);
            } else if (renice.exitValue() == 0) {
                log.info("{} (thread {}) runs at nice {}", thread, threadId.get(), nice);
            } else {
                log.warn("{} keeps its CPU priority: renice answered {}", thread, new String(renice.getInputStream().readAllBytes()).strip());
            }
        } catch (IOException e) {
            log.warn("{} keeps its CPU priority: renice could not run ({})", thread, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The kernel's id of the calling thread: /proc/thread-self links to {@code <pid>/task/<tid>}. */
    static Optional<String> linuxThreadId() {
        try {
            Path link = Files.readSymbolicLink(Path.of("/proc/thread-self"));
            return Optional.of(link.getFileName().toString()).filter(id -> id.chars().allMatch(Character::isDigit));
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }
}
