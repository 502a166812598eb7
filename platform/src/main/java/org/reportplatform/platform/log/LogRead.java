package org.reportplatform.platform.log;

/** What a read of the log came to: how many records it handed over, in how long. */
public record LogRead(long records, long millis) {

    static LogRead since(long startedNanos, long records) {
        return new LogRead(records, (System.nanoTime() - startedNanos) / 1_000_000);
    }
}
