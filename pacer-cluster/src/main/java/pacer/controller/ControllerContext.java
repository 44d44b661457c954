package pacer.controller;

import java.util.function.Consumer;
import pacer.fencing.Fencer;
import pacer.membership.ClusterBus;
import pacer.store.ReplicatedCib;
import pacer.time.Timers;

/**
 * What a role works with: the bus, the replicated CIB, the fencer, time, settings, a way back onto
 * the role thread, and the event observer. Immutable.
 */
record ControllerContext(ClusterBus bus, ReplicatedCib cib, Fencer fencer, Timers timers, ControllerSettings settings,
                         Consumer<Runnable> poster, Consumer<ControllerEvent> observer) {
    String self() { return bus.self().name(); }

    /** Runs {@code task} on the role thread, after what is queued. */
    void post(Runnable task) { poster.accept(task); }

    void event(ControllerEvent.Kind kind, String detail) {
        observer.accept(new ControllerEvent(kind, detail, timers.nanoTime()));
    }
}
