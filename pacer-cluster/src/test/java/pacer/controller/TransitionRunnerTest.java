package pacer.controller;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.scheduler.graph.GraphAction;
import pacer.scheduler.graph.TransitionGraph;

class TransitionRunnerTest {
    final List<String> dispatched = new ArrayList<>();
    final List<TransitionRunner> ended = new ArrayList<>();

    static GraphAction rsc(int id, String rsc, String op, long interval, Integer... inputs) {
        return new GraphAction(id, GraphAction.Kind.RESOURCE, rsc, op, interval, "n1", 20_000, Map.of(), List.of(inputs));
    }

    TransitionRunner runner(int batchLimit, GraphAction... actions) {
        ActionDispatcher d = (r, a) -> {
            dispatched.add(a.key());
            if (a.kind() == GraphAction.Kind.PSEUDO) r.completed(a.id(), true);
        };
        return new TransitionRunner(7, new TransitionGraph(List.of(actions)), batchLimit, d, ended::add);
    }

    @Test @DisplayName("Actions run in order of their inputs; pseudo actions complete at once; the end is reported once")
    void ordering() {
        TransitionRunner r = runner(0, rsc(0, "d1", "stop", 0),
                new GraphAction(1, GraphAction.Kind.PSEUDO, "g", "stopped", 0, "", 0, Map.of(), List.of(0)),
                rsc(2, "d1", "start", 0, 1), rsc(3, "d1", "monitor", 10_000, 2));
        r.start();
        assertThat(dispatched).containsExactly("d1_stop_0");
        r.completed(0, true);
        assertThat(dispatched).containsExactly("d1_stop_0", "g_stopped_0", "d1_start_0");
        r.completed(2, true);
        r.completed(3, true);
        assertThat(ended).containsExactly(r);
        assertThat(r.complete()).isTrue();
    }

    @Test @DisplayName("batch-limit caps the actions in flight")
    void batchLimit() {
        TransitionRunner r = runner(2, rsc(0, "a", "start", 0), rsc(1, "b", "start", 0), rsc(2, "c", "start", 0));
        r.start();
        assertThat(dispatched).hasSize(2);
        r.completed(0, true);
        assertThat(dispatched).hasSize(3);
    }

    @Test @DisplayName("A failure aborts: nothing new starts, in-flight actions are waited for; ready monitors still run")
    void abort() {
        TransitionRunner r = runner(0, rsc(0, "a", "start", 0), rsc(1, "b", "start", 0), rsc(2, "a", "monitor", 5_000, 0),
                rsc(3, "c", "start", 0, 1));
        r.start();
        r.completed(1, false);
        assertThat(r.aborted()).isTrue();
        assertThat(ended).isEmpty();
        r.completed(0, true);
        assertThat(dispatched).containsExactly("a_start_0", "b_start_0", "a_monitor_5000");
        r.completed(2, true);
        assertThat(ended).containsExactly(r);
        assertThat(r.complete()).isFalse();
        assertThat(r.state(3)).isEqualTo(TransitionRunner.State.WAITING);
    }
}
