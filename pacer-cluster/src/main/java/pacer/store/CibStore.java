package pacer.store;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.CibVersion;
import pacer.cib.report.CibReport;
import pacer.cib.xml.XmlElement;

/**
 * This node's CIB: the current copy, the only place that changes it, and its persistence.
 *
 * <p>A write is applied whole or not at all: the {@link CibWrite} computes the new XML from the
 * latest copy; the result is parsed and must not add errors ({@link CibParser} reports of severity
 * ERROR that the current copy does not already have); the version moves ({@link VersionStamp}); the
 * new copy is written to disk ({@link CibDisk}) before anything else sees it; then the write is
 * acknowledged and the listeners are told. A rejected write changes nothing, in memory or on disk.
 *
 * <p>Threading: the store owns one thread, the CIB thread (a single-threaded executor named
 * {@code cib-<node>}). Every change and every listener call happens there, in order, so the CIB has
 * one writer and versions are assigned without locks. {@link #current()} may be called from any
 * thread: it reads a volatile reference to an immutable {@link Cib}. {@link ReplicatedCib} runs its
 * protocol on the same thread ({@link #execute}) so that applying and broadcasting a write are one
 * step. Futures complete on the CIB thread: chain with the {@code *Async} methods, never block in a
 * callback.
 */
public final class CibStore implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CibStore.class);

    private final CibDisk disk;
    private final ExecutorService thread;
    private final List<Consumer<Cib>> listeners = new CopyOnWriteArrayList<>();
    private volatile Thread cibThread;
    /** Written on the CIB thread only. */
    private volatile Cib current;
    /** Written on the CIB thread only. False until the cluster's copy replaced a corrupt or missing one. */
    private volatile boolean trusted;

    private CibStore(CibDisk disk, CibDisk.Loaded loaded, String node) {
        this.disk = disk;
        this.current = loaded.cib();
        this.trusted = loaded.trusted();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                MDC.put("node", node);
                r.run();
            }, "cib-" + node);
            t.setDaemon(true);
            cibThread = t;
            return t;
        });
    }

    /**
     * Loads the local copy from {@code disk} and starts the CIB thread.
     *
     * @param node this node's name, for the thread name and the {@code node} log key
     */
    public static CibStore open(CibDisk disk, String node) throws IOException {
        CibDisk.Loaded loaded = disk.load();
        log.info("Loaded CIB {} from {}{}", loaded.cib().version(), loaded.origin(), loaded.trusted() ? "" : " (untrusted)");
        return new CibStore(disk, loaded, node);
    }

    /** The current copy; any thread. */
    public Cib current() { return current; }

    /** False while this copy stands in for a corrupt or missing file; it then never wins a merge. */
    public boolean trusted() { return trusted; }

    /** Applies a write on the CIB thread; the future completes after it is persisted (or rejected). */
    public CompletableFuture<WriteResult> write(CibWrite write) {
        return CompletableFuture.supplyAsync(() -> applyOnThread(write), thread);
    }

    /** Registers a listener, called on the CIB thread with every new copy, after it is persisted. */
    public void addListener(Consumer<Cib> listener) { listeners.add(Objects.requireNonNull(listener)); }

    /** Runs {@code task} on the CIB thread, after everything submitted before it. */
    void execute(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("Unexpected failure on the CIB thread", e);
                }
            });
        } catch (RejectedExecutionException e) {
            log.debug("The CIB thread has stopped; dropping a task");
        }
    }

    /** The write path itself; CIB thread only. */
    WriteResult applyOnThread(CibWrite write) {
        assertOnCibThread();
        Cib before = current;
        XmlElement proposed;
        try {
            proposed = write.apply(before);
        } catch (CibWriteRejected e) {
            return WriteResult.rejected(before.version(), e.reasons());
        } catch (RuntimeException e) {
            log.warn("Write '{}' failed", write.describe(), e);
            return WriteResult.rejected(before.version(), "the write '" + write.describe() + "' failed: " + e);
        }
        if (proposed == null || !proposed.name().equals("cib")) {
            return WriteResult.rejected(before.version(), "the write '" + write.describe() + "' did not produce a <cib>");
        }
        CibVersion version = write instanceof CibOperation.Replace r ? r.version()
                : VersionStamp.next(before.version(), VersionStamp.classify(before.xml(), proposed));
        if (version.equals(before.version()) && !(write instanceof CibOperation.Replace)) {
            return WriteResult.accepted(version);
        }
        Cib after;
        try {
            after = CibParser.parse(VersionStamp.stamp(proposed, version));
        } catch (RuntimeException e) {
            log.warn("Write '{}' produced a CIB the parser cannot read", write.describe(), e);
            return WriteResult.rejected(before.version(), "the write '" + write.describe() + "' produced an unreadable CIB: " + e);
        }
        List<String> introduced = newErrors(before, after);
        if (!introduced.isEmpty()) return WriteResult.rejected(before.version(), introduced);
        try {
            install(after);
        } catch (IOException e) {
            log.error("Could not write CIB {} to {}: {}; the write is rejected", version, disk.directory(), e.toString());
            return WriteResult.rejected(before.version(), "could not save the CIB to disk (" + e.getMessage()
                    + "); nothing was changed");
        }
        return WriteResult.accepted(version);
    }

    /**
     * Takes a copy that the DC decided on (an update, or the winner of a merge) as it is, without
     * validation or a new version; CIB thread only. The copy becomes trusted.
     */
    void adoptOnThread(Cib cib) throws IOException {
        assertOnCibThread();
        install(cib);
        trusted = true;
    }

    private void install(Cib cib) throws IOException {
        disk.write(cib.xml());
        current = cib;
        for (Consumer<Cib> l : listeners) {
            try {
                l.accept(cib);
            } catch (RuntimeException e) {
                log.error("A CIB listener failed", e);
            }
        }
    }

    /** Errors in {@code after} that {@code before} did not have (compared without line numbers). */
    private static List<String> newErrors(Cib before, Cib after) {
        Set<String> old = new HashSet<>();
        before.reports().stream().filter(r -> r.severity() == CibReport.Severity.ERROR).map(CibStore::key).forEach(old::add);
        List<String> out = new ArrayList<>();
        for (CibReport r : after.reports()) {
            if (r.severity() == CibReport.Severity.ERROR && !old.contains(key(r))) out.add(r.render());
        }
        return out;
    }

    private static String key(CibReport r) { return r.code() + "|" + r.elementId() + "|" + r.message(); }

    private void assertOnCibThread() {
        if (Thread.currentThread() != cibThread) {
            throw new IllegalStateException("CIB changes run on the CIB thread; called from " + Thread.currentThread().getName());
        }
    }

    /** Stops the CIB thread after the writes already submitted. */
    @Override public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) thread.shutdownNow();
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
