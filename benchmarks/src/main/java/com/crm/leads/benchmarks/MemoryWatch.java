package com.crm.leads.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

/** The highest resident memory a service reaches while it is watched, read from /proc twice a second. */
final class MemoryWatch {

    private static final long EVERY_MILLIS = 500;

    private final Thread watcher;
    private final AtomicLong highest = new AtomicLong(-1);

    private MemoryWatch(RunningService service) {
        watcher = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                highest.accumulateAndGet(service.residentMegabytes(), Math::max);
                try {
                    Thread.sleep(EVERY_MILLIS);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        });
        watcher.setDaemon(true);
    }

    static MemoryWatch of(RunningService service) {
        MemoryWatch watch = new MemoryWatch(service);
        watch.watcher.start();
        return watch;
    }

    /** Stops watching; answers the highest RSS seen, in MB. */
    long stop() throws InterruptedException {
        watcher.interrupt();
        watcher.join();
        return highest.get();
    }
}
