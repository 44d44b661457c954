package pacer.agents;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Recurring monitors of the resources on this node, as Pacemaker's executor runs them: the first
 * run after the op's {@code start-delay}, each next run one interval after the previous one
 * finished, and a result reported only when its status or exit code differs from the last one
 * reported (the first is always reported). Cancelling (on stop, or when the op changes) stops
 * further runs, and the result of a run still in flight is dropped.
 *
 * <p>Threading: timer callbacks (from the injected {@link AgentTimers}), action completions (from
 * whatever thread the {@link AgentExecution} completes on) and callers all take {@code lock}; the
 * monitors map is touched only under it. The listener is called under the lock too, so reports
 * for one monitor arrive in order and never after its cancel returned; it must be quick (hand the
 * change to the controller's own executor) and may call back into this class.
 */
public final class RecurringMonitors {
    private final AgentExecution agents;
    private final AgentTimers timers;
    private final Consumer<MonitorChange> listener;
    private final Object lock = new Object();
    private final Map<MonitorKey, Monitor> monitors = new HashMap<>();

    public RecurringMonitors(AgentExecution agents, AgentTimers timers, Consumer<MonitorChange> listener) {
        this.agents = agents;
        this.timers = timers;
        this.listener = listener;
    }

    /**
     * Starts monitoring with {@code request} (its interval must be positive), replacing any
     * monitor with the same resource and interval; the first run is after {@code startDelay}.
     */
    public void start(AgentRequest request, Duration startDelay) {
        if (!request.isRecurring()) {
            throw new IllegalArgumentException(request.key()
                    + " is not recurring: a recurring monitor needs an interval");
        }
        MonitorKey key = MonitorKey.of(request);
        synchronized (lock) {
            Monitor old = monitors.remove(key);
            if (old != null) old.cancel();
            Monitor monitor = new Monitor(key, request);
            monitors.put(key, monitor);
            monitor.scheduleRun(startDelay);
        }
    }

    /** Stops one monitor; true if it was running. */
    public boolean cancel(MonitorKey key) {
        synchronized (lock) {
            Monitor m = monitors.remove(key);
            if (m == null) return false;
            m.cancel();
            return true;
        }
    }

    /** Stops every monitor of {@code resourceId}, as before a stop; returns how many there were. */
    public int cancelAll(String resourceId) {
        synchronized (lock) {
            var keys = monitors.keySet().stream().filter(k -> k.resourceId().equals(resourceId)).toList();
            keys.forEach(this::cancel);
            return keys.size();
        }
    }

    /** The monitors currently scheduled. */
    public Set<MonitorKey> active() {
        synchronized (lock) {
            return Set.copyOf(monitors.keySet());
        }
    }

    /** The last result reported for a monitor, if it is active and has reported. */
    public Optional<AgentResult> lastResult(MonitorKey key) {
        synchronized (lock) {
            Monitor m = monitors.get(key);
            return m == null ? Optional.empty() : Optional.ofNullable(m.lastReported);
        }
    }

    /** One monitor's schedule. Every field is guarded by {@code lock}. */
    private final class Monitor {
        private final MonitorKey key;
        private final AgentRequest request;
        private AgentTimers.Cancellable timer;
        private AgentResult lastReported;
        private boolean cancelled;

        Monitor(MonitorKey key, AgentRequest request) {
            this.key = key;
            this.request = request;
        }

        void scheduleRun(Duration delay) {
            timer = timers.schedule(delay, this::run);
        }

        void cancel() {
            cancelled = true;
            if (timer != null) timer.cancel();
        }

        private void run() {
            synchronized (lock) {
                if (cancelled) return;
                timer = null;
            }
            agents.execute(request).whenComplete((result, error) -> completed(result, error));
        }

        private void completed(AgentResult result, Throwable error) {
            synchronized (lock) {
                if (cancelled) return;
                AgentResult r = result != null ? result : failure(error);
                if (lastReported == null || !lastReported.sameVerdict(r)) {
                    Optional<AgentResult> previous = Optional.ofNullable(lastReported);
                    lastReported = r;
                    listener.accept(new MonitorChange(key, request, r, previous));
                }
                if (!cancelled) scheduleRun(Duration.ofMillis(request.intervalMs()));
            }
        }

        private AgentResult failure(Throwable error) {
            // AgentExecution promises never to fail; if one does, it is an error of this node's.
            return new AgentResult(ExecStatus.ERROR, OcfExitCode.UNKNOWN_ERROR, String.valueOf(error), "", "",
                    Instant.EPOCH, Duration.ZERO);
        }
    }
}
