package pacer.scheduler.scenario;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import pacer.scheduler.Transition;
import pacer.scheduler.graph.GraphAction;
import pacer.scheduler.graph.TransitionGraph;

/** Reading a {@link Transition} the way the conformance runner does, and finding graph actions. */
final class Summaries {
    private Summaries() {}

    /** The Transition Summary lines with runs of white space collapsed, as crm_simulate output is compared. */
    static List<String> normalized(Transition t) {
        return t.summary().stream().map(l -> l.strip().replaceAll("\\s+", " ")).filter(l -> !l.isEmpty()).toList();
    }

    static Optional<GraphAction> find(TransitionGraph g, String resource, String operation, long intervalMs, String node) {
        return g.actions().stream().filter(a -> a.resource().equals(resource) && a.operation().equals(operation)
                && a.intervalMs() == intervalMs && a.node().equals(node)).findFirst();
    }

    static GraphAction require(TransitionGraph g, String resource, String operation, long intervalMs, String node) {
        return find(g, resource, operation, intervalMs, node).orElseThrow(() -> new AssertionError(
                "no " + resource + "_" + operation + "_" + intervalMs + " on " + node + " in the graph: " + describe(g)));
    }

    static List<GraphAction> matching(TransitionGraph g, Predicate<GraphAction> p) {
        return g.actions().stream().filter(p).toList();
    }

    /** Whether {@code later} waits, directly or through other actions, for {@code earlier}. */
    static boolean waitsFor(TransitionGraph g, GraphAction later, GraphAction earlier) {
        return reaches(g, later, earlier.id(), new java.util.HashSet<>());
    }

    private static boolean reaches(TransitionGraph g, GraphAction from, int target, Set<Integer> seen) {
        for (int input : from.inputs()) {
            if (input == target) return true;
            if (!seen.add(input)) continue;
            Optional<GraphAction> next = g.actions().stream().filter(a -> a.id() == input).findFirst();
            if (next.isPresent() && reaches(g, next.get(), target, seen)) return true;
        }
        return false;
    }

    static String describe(TransitionGraph g) {
        StringBuilder b = new StringBuilder();
        for (GraphAction a : g.actions()) {
            b.append("\n  ").append(a.id()).append(' ').append(a.kind()).append(' ').append(a.key()).append(" on '")
                    .append(a.node()).append("' after ").append(a.inputs());
        }
        return b.toString();
    }
}
