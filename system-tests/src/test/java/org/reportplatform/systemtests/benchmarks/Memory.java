package org.reportplatform.systemtests.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Resident memory (RSS: {@code VmRSS} of {@code /proc/<pid>/status}) of the measured processes,
 * by name: a snapshot, or the peak seen while a sampler runs in the background.
 */
public final class Memory implements AutoCloseable {

    private final Map<String, Supplier<List<Long>>> processes;
    private final Map<String, Long> peakKb = new LinkedHashMap<>();
    private final Thread sampler;
    private volatile boolean running = true;

    private Memory(Map<String, Supplier<List<Long>>> processes) {
        this.processes = processes;
        processes.keySet().forEach(name -> peakKb.put(name, 0L));
        sampler = new Thread(this::sample, "rss-sampler");
        sampler.setDaemon(true);
    }

    /** Each process's RSS now, in KiB (a process of several, such as nginx, adds its processes up). */
    public static Map<String, Long> snapshot(Map<String, Supplier<List<Long>>> processes) {
        Map<String, Long> kb = new LinkedHashMap<>();
        processes.forEach((name, pids) -> kb.put(name, pids.get().stream().mapToLong(Memory::rssKb).sum()));
        return kb;
    }

    /** Starts sampling every 200 ms; {@link #peaks()} then gives the highest RSS of each. */
    public static Memory sampling(Map<String, Supplier<List<Long>>> processes) {
        Memory memory = new Memory(processes);
        memory.sampler.start();
        return memory;
    }

    public synchronized Map<String, Long> peaks() {
        return new LinkedHashMap<>(peakKb);
    }

    private void sample() {
        while (running) {
            Map<String, Long> now = snapshot(processes);
            synchronized (this) {
                now.forEach((name, kb) -> peakKb.merge(name, kb, Math::max));
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
            return 0;
        } catch (IOException e) {
            return 0; // the process is gone
        }
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }
}
