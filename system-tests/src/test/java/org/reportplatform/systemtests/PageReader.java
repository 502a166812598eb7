package org.reportplatform.systemtests;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/** A reader reading one page through the gateway again and again until stopped: the statuses it got, and its slowest answer. */
final class PageReader implements Runnable {

    private final RawHttp gateway;
    private final String page;
    private final BooleanSupplier stop;
    private final Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
    private final AtomicLong slowestNanos = new AtomicLong();

    PageReader(RawHttp gateway, String page, BooleanSupplier stop) {
        this.gateway = gateway;
        this.page = page;
        this.stop = stop;
    }

    @Override
    public void run() {
        while (!stop.getAsBoolean()) {
            RawHttp.Answer answer = gateway.get(page);
            statuses.computeIfAbsent(answer.status(), s -> new AtomicLong()).incrementAndGet();
            slowestNanos.accumulateAndGet(answer.nanos(), Math::max);
        }
    }

    /** How many answers of each status (0: no answer). */
    Map<Integer, Long> statuses() {
        Map<Integer, Long> counts = new TreeMap<>();
        statuses.forEach((status, count) -> counts.put(status, count.get()));
        return counts;
    }

    long slowestMillis() {
        return slowestNanos.get() / 1_000_000;
    }
}
