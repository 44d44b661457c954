package pacer.controller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.AttributeSet;
import pacer.cib.BooleanValue;
import pacer.cib.Cib;
import pacer.cib.ClusterOption;
import pacer.cib.LrmOperation;
import pacer.cib.LrmResource;
import pacer.cib.NodeState;
import pacer.cib.Operation;
import pacer.cib.Primitive;
import pacer.cib.Resource;
import pacer.cib.TimeSpec;
import pacer.scheduler.graph.GraphAction;
import pacer.scheduler.graph.TransitionGraph;

/**
 * Stop-gap for a scheduler gap: the scheduler plans a recurring monitor only together with the
 * start it follows, so a resource found running by a probe (after a cleanup, or a restart of the
 * cluster) or whose monitor was lost stays unmonitored. Pacemaker's scheduler schedules every
 * configured monitor that the history lacks. When the scheduler has nothing to do, this adds
 * those monitors as a graph of their own. Primitives outside clones only; parameters are the
 * first instance-attribute block, without rules. Remove once the scheduler does it. Pure.
 */
final class MissingMonitors {
    private MissingMonitors() {}

    static TransitionGraph of(Cib cib) {
        if (BooleanValue.parse(CibLookup.option(cib, ClusterOption.MAINTENANCE_MODE), false)) return TransitionGraph.EMPTY;
        List<GraphAction> out = new ArrayList<>();
        for (Resource r : topLevelNonClones(cib)) {
            if (!(r instanceof Primitive p)) continue;
            for (NodeState n : cib.status().nodes()) {
                if (!n.inMembership() || BooleanValue.parse(n.transientAttributes().get("maintenance"), false)) continue;
                Optional<LrmResource> lrm = n.resources().stream().filter(l -> l.id().equals(p.id())).findFirst();
                if (lrm.isEmpty() || !active(lrm.get())) continue;
                for (Operation op : p.operations()) {
                    if (!op.name().equals("monitor") || op.intervalMs() <= 0 || !op.enabled()) continue;
                    if (op.role().isPresent() && op.role().get() != pacer.cib.Role.STARTED) continue;
                    String id = p.id() + "_monitor_" + op.intervalMs();
                    if (lrm.get().operations().stream().anyMatch(o -> o.id().equals(id))) continue;
                    out.add(new GraphAction(out.size(), GraphAction.Kind.RESOURCE, p.id(), "monitor", op.intervalMs(),
                            n.uname(), op.attribute("timeout").map(t -> TimeSpec.parseMillis(t, 20_000)).orElse(20_000L),
                            params(p), List.of()));
                }
            }
        }
        return new TransitionGraph(out);
    }

    private static List<Resource> topLevelNonClones(Cib cib) {
        List<Resource> out = new ArrayList<>();
        for (Resource top : cib.configuration().resources()) {
            if (top.kind() == Resource.Kind.CLONE || top.kind() == Resource.Kind.BUNDLE) continue;
            out.add(top);
            out.addAll(top.children());
        }
        return out;
    }

    /** Whether the last one-shot operation left it running (a start, or a probe that found it). */
    private static boolean active(LrmResource lrm) {
        Optional<LrmOperation> last = lrm.operations().stream().filter(o -> o.id().endsWith("_last_0")).findFirst();
        if (last.isEmpty() || last.get().opStatus() != 0 || last.get().rcCode() != 0) return false;
        String op = last.get().operation();
        return op.equals("start") || op.equals("migrate_from") || (op.equals("monitor") && last.get().intervalMs() == 0);
    }

    private static Map<String, String> params(Primitive p) {
        Map<String, String> out = new HashMap<>();
        p.instance().stream().findFirst().map(AttributeSet::values).ifPresent(out::putAll);
        return out;
    }
}
