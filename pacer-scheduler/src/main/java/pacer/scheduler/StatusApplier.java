package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pacer.cib.LrmResource;
import pacer.cib.NodeState;
import pacer.cib.Primitive;
import pacer.cib.Resource;
import pacer.cib.Role;

/**
 * Applies the status section to the working resources: for each node's operation history, finds
 * the resource (or clone instance, or creates an orphan), unpacks it, and records where each
 * resource is active and whether it failed there.
 */
final class StatusApplier {
    private final WorkingSet ws;
    private final HistoryUnpacker unpacker;
    private final boolean canFence;
    private final CloneInstances instances;
    private final RemoteStatus remote;

    StatusApplier(WorkingSet ws) {
        this.ws = ws;
        this.canFence = ws.options.fencingEnabled() && ws.primitives().stream().anyMatch(Rsc::isFencingDevice);
        this.unpacker = new HistoryUnpacker(ws.options, ws.now, canFence);
        this.instances = new CloneInstances(ws);
        this.remote = new RemoteStatus(ws, canFence);
    }

    void apply() {
        // Remote and guest nodes' histories wait until their connections' state is known.
        remote.unpack(this::applyNode);
    }

    private void applyNode(NodeState state, NodeView node) {
        {
            // The history of a cleanly stopped node no longer says anything: nothing runs there.
            // (A node in maintenance keeps its resources as they were, even while it is down.)
            if (!node.isRemote() && !node.online && !node.unclean && !node.pending && !node.maintenance) return;
            for (LrmResource lrm : state.resources()) {
                // A bundle's instance is the one of the replica whose guest node holds the history.
                Rsc pinned = Bundles.instanceOn(ws, node, lrm.id().replaceAll(":[0-9]+$", ""));
                Rsc rsc = pinned != null ? pinned : find(lrm, node);
                Rsc clone = pinned != null ? null : CloneInstances.anonymousClone(rsc);
                if (clone != null) rsc = instances.instanceFor(clone, rsc.config.id(), node);
                NodeHistory h = unpacker.unpack(rsc, node, lrm);
                if (!lrm.id().equals(rsc.id) && h.role.isActive()) rsc.historyId = lrm.id();
                rsc.history.put(node, h);
                if (node.isRemote()) remote.activeOnRemote(rsc, node, h);
                if (rsc.isPrimitive() && !rsc.orphan && !lrm.agent().equals(rsc.primitive().agent())) h.agentChanged = true;
                // A failure on a node that will be fenced does not matter: fencing stops everything there.
                if (node.unclean && canFence && h.onFail != OnFail.FENCE) {
                    h.onFail = OnFail.IGNORE;
                    h.failure = null;
                }
                if (h.role.isActive() && !(h.role == Role.UNKNOWN)) {
                    if (!rsc.runningOn.contains(node)) rsc.runningOn.add(node);
                    if (h.role.compareTo(rsc.role) > 0 || rsc.role == Role.STOPPED) rsc.role = h.role;
                    if (h.onFail != OnFail.IGNORE && h.failure != null) rsc.failed = true;
                    if (node.maintenance) rsc.managed = false;
                    if (h.onFail == OnFail.BLOCK) {
                        rsc.blocked = true;
                        rsc.blockedByFailure = true;
                        rsc.managed = false;
                    }
                }
                if (h.onFail == OnFail.FENCE && h.failure != null && h.role.isActive() && node.fenceReason == null) {
                    node.unclean = true;
                    node.fenceReason = rsc.id.replaceAll(":[0-9]+$", "") + " failed there";
                }
                if (h.onFail == OnFail.STANDBY && h.failure != null) node.standby = true;
            }
        }
    }

    private Rsc find(LrmResource lrm, NodeView node) {
        Rsc direct = ws.byId.get(lrm.id());
        if (direct != null && direct.isPrimitive() && !isAnonymousInstance(direct)) return direct;
        // An anonymous clone's history names the child with or without an instance number; the
        // number means nothing, so instances are handed out in the order histories are found.
        String base = lrm.id().replaceAll(":[0-9]+$", "");
        for (Rsc p : ws.primitives()) {
            if (p.config.id().equals(base) && !p.id.equals(base) && isAnonymousInstance(p)) return p;
        }
        return orphan(lrm);
    }

    private static boolean isAnonymousInstance(Rsc r) {
        Rsc clone = r.parent;
        while (clone != null && clone.config.kind() != Resource.Kind.CLONE) clone = clone.parent;
        return clone != null && !pacer.cib.BooleanValue.parse(clone.meta.get("globally-unique"), false);
    }

    private Rsc orphan(LrmResource lrm) {
        Rsc existing = ws.byId.get(lrm.id());
        if (existing != null) return existing;
        Primitive p = new Primitive(lrm.id(), lrm.standard(), lrm.provider(), lrm.type(), Optional.empty(),
                List.of(), List.of(), List.of(), List.of(), lrm.line());
        Rsc r = new Rsc(lrm.id(), p, null, 100_000 + ws.orphans.size());
        r.orphan = true;
        r.managed = ws.options.flag(pacer.cib.ClusterOption.STOP_ORPHAN_RESOURCES);
        r.meta = java.util.Map.of();
        ws.byId.put(r.id, r);
        ws.orphans.add(r);
        return r;
    }
}
