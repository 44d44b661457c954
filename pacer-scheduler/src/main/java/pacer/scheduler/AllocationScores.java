package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;
import pacer.cib.Resource;
import pacer.cib.Score;

/**
 * The "Assignment Scores" lines of {@code crm_simulate -s}: for every resource and node, the
 * score placement decided with, in Pacemaker's line format
 * ({@code pcmk__primitive_assign: rsc1 allocation score on node1: 0}).
 */
final class AllocationScores {
    private AllocationScores() {}

    static List<String> lines(WorkingSet ws) {
        List<String> out = new ArrayList<>();
        for (Rsc top : ws.resources) add(top, ws, out);
        return out;
    }

    private static void add(Rsc r, WorkingSet ws, List<String> out) {
        String function = switch (r.config.kind()) {
            case PRIMITIVE, BUNDLE -> "pcmk__primitive_assign";
            case GROUP -> "pcmk__group_assign";
            case CLONE -> "pcmk__clone_assign";
        };
        if (r.config.kind() == Resource.Kind.PRIMITIVE) {
            for (NodeView n : ws.nodes) {
                out.add(function + ": " + r.id + " allocation score on " + n.name + ": " + Score.format(r.score(n)));
            }
        } else {
            Rsc anchor = r.primitives().isEmpty() ? null : r.primitives().get(0);
            for (NodeView n : ws.nodes) {
                int s = anchor == null ? -Score.INFINITY : anchor.score(n);
                out.add(function + ": " + r.id + " allocation score on " + n.name + ": " + Score.format(s));
            }
            for (Rsc c : r.children) add(c, ws, out);
        }
    }
}
