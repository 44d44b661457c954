package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;
import pacer.cib.Role;

/** Builds a {@link ClusterStatus} from one scheduler run's working set (current state, before actions). */
final class ClusterStatusBuilder {
    private ClusterStatusBuilder() {}

    static ClusterStatus of(WorkingSet ws) {
        String dcId = ws.cib.dcUuid().orElse("");
        List<Rsc> all = new ArrayList<>(ws.primitives());
        all.addAll(ws.orphans);
        List<ClusterStatus.NodeStatus> nodes = new ArrayList<>();
        for (NodeView n : ws.nodes) {
            int running = (int) all.stream().filter(r -> r.runningOn.contains(n)).count();
            nodes.add(new ClusterStatus.NodeStatus(n.name, n.id, n.online, n.standby && !n.pending, n.maintenance,
                    n.pending, n.unclean, n.shutdown, n.expectedUp, n.id.equals(dcId), running));
        }
        List<ClusterStatus.ResourceStatus> resources = new ArrayList<>();
        for (Rsc r : all) {
            Role role = r.runningOn.isEmpty() ? Role.STOPPED : (r.role.isActive() ? r.role : Role.STARTED);
            resources.add(new ClusterStatus.ResourceStatus(r.id, r.primitive().agent(),
                    r.parent == null ? "" : r.parent.id, role.label(),
                    r.targetRole == Role.UNKNOWN ? "" : r.targetRole.label(), r.orphan, r.blocked, r.managed, r.failed,
                    r.runningOn.stream().map(n -> n.name).toList()));
        }
        return new ClusterStatus(nodes, resources);
    }
}
