package org.reportplatform.systemtests.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/** The machine the figures were measured on, as the report states it. */
public record Machine(int cores, String cpu, long memoryMb, String os, String kernel, String jdk, String date) {

    public static Machine current() {
        return new Machine(Runtime.getRuntime().availableProcessors(),
                field("/proc/cpuinfo", "model name").orElse("?"),
                field("/proc/meminfo", "MemTotal").map(kb -> Long.parseLong(kb.replaceAll("[^0-9]", "")) / 1024).orElse(0L),
                field("/etc/os-release", "PRETTY_NAME").map(name -> name.replace("\"", "")).orElse(System.getProperty("os.name")),
                System.getProperty("os.version"),
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")));
    }

    /** The 1, 5 and 15 minute load averages: a shared machine shows in them. */
    public static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " / " + fields[1] + " / " + fields[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static Optional<String> field(String file, String name) {
        try {
            List<String> lines = Files.readAllLines(Path.of(file));
            return lines.stream().filter(line -> line.startsWith(name)).findFirst()
                    .map(line -> line.substring(line.indexOf(line.contains(":") ? ':' : '=') + 1).strip());
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
