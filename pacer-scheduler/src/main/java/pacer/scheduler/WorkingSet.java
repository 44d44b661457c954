package pacer.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import pacer.cib.Cib;
import pacer.cib.report.Reports;

/**
 * Everything one scheduler run works on: the CIB, "now", resolved options, the node views and the
 * working resource tree. Created and owned by one {@link Scheduler#schedule} call; never shared.
 */
final class WorkingSet {
    final Cib cib;
    final Instant now;
    final Options options;
    final Reports reports;
    final RuleMatcher rules;
    final AttributeResolver attributes;
    final List<NodeView> nodes;
    final List<Rsc> resources;
    final Map<String, Rsc> byId;
    final boolean haveQuorum;
    final List<Rsc> orphans = new ArrayList<>();
    /** The replicas of every bundle (see {@link BundleExpander}); empty without bundles. */
    List<BundleReplica> bundleReplicas = List.of();

    WorkingSet(Cib cib, Instant now, Options options, Reports reports, RuleMatcher rules, AttributeResolver attributes,
               List<NodeView> nodes, List<Rsc> resources, Map<String, Rsc> byId) {
        this.cib = cib;
        this.now = now;
        this.options = options;
        this.reports = reports;
        this.rules = rules;
        this.attributes = attributes;
        this.nodes = nodes;
        this.resources = resources;
        this.byId = byId;
        this.haveQuorum = cib.hasQuorum();
    }

    NodeView node(String idOrName) {
        for (NodeView n : nodes) if (n.id.equals(idOrName)) return n;
        for (NodeView n : nodes) if (n.name.equals(idOrName)) return n;
        return null;
    }

    /** Every primitive (clone instances included), orphans last, in configuration order. */
    List<Rsc> primitives() {
        List<Rsc> out = new ArrayList<>();
        for (Rsc r : resources) out.addAll(r.primitives());
        return out;
    }
}
