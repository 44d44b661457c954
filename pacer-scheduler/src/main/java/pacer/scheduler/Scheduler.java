package pacer.scheduler;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import pacer.cib.AttributeSet;
import pacer.cib.Cib;
import pacer.cib.report.Reports;

/**
 * Pacemaker's scheduler as a pure function: a CIB and "now" in, a {@link Transition} out. No I/O,
 * no clock, no static state; each call builds its own working set.
 *
 * <p>The phases, in order (each reads what the one before produced):
 * <ol>
 *   <li>resolve cluster options; unpack nodes (online, unclean, standby...);</li>
 *   <li>build the working resources (clones expanded, meta resolved);</li>
 *   <li>unpack the status: each resource's role and failures on each node;</li>
 *   <li>expand constraints (groups' implicit ones, sets, tags);</li>
 *   <li>set node scores (locations, stickiness, failures) and place every resource;</li>
 *   <li>create actions, link them by orderings, propagate required/unrunnable;</li>
 *   <li>write the summary and the graph.</li>
 * </ol>
 */
public final class Scheduler {
    private Scheduler() {}

    public static Transition schedule(Cib cib, Instant now) {
        Reports reports = new Reports();
        cib.reports().forEach(reports::add);
        RuleMatcher rules = new RuleMatcher(now);
        AttributeResolver resolver = new AttributeResolver(rules);
        BundleExpander.Expansion bundles = new BundleExpander().expand(cib);
        cib = bundles.cib();
        Map<String, String> crmConfig = resolver.resolve(cib.configuration().crmConfig(), Map.of(), null);
        Options options = new Options(crmConfig);
        List<NodeView> nodes = new NodeUnpacker(options, resolver).unpack(cib);
        RemoteNodes remotes = new RemoteNodes(cib, resolver, nodes);
        remotes.discover();
        ResourceUnpacker resources = new ResourceUnpacker(cib.configuration(), resolver, options, nodes.size());
        List<Rsc> top = resources.unpack();
        for (pacer.cib.Primitive p : remotes.implicitConnections) top.add(resources.unpackImplicit(p));
        WorkingSet ws = new WorkingSet(cib, now, options, reports, rules, resolver, nodes, top, resources.byId());
        ws.bundleReplicas = bundles.replicas();
        new StatusApplier(ws).apply();
        ConstraintExpander constraints = new ConstraintExpander(cib.configuration(), ws.byId, reports);
        constraints.expand(top);
        Launchers launchers = new Launchers(ws, constraints.colocations, constraints.orderings);
        launchers.apply();
        Bundles bundleRules = new Bundles(ws, bundles.replicas());
        bundleRules.constraints(constraints.colocations, constraints.orderings);
        new ScoreSetup(ws, constraints).apply();
        launchers.bans();
        bundleRules.pins();
        Placement placement = new Placement(ws, constraints.colocations);
        placement.assignAll();
        for (Rsc o : ws.orphans) o.assignedDone = true;
        ActionPlanner plan = new ActionPlanner(ws, constraints.orderings, constraints.colocations);
        plan.plan();
        List<String> summary = new SummaryWriter(ws, plan).lines();
        return new Transition(summary, GraphBuilder.build(ws, plan), reports.list(), ws, plan);
    }

    /** Only for cluster property blocks without rules (tests). */
    static Map<String, String> properties(List<AttributeSet> sets) {
        return new AttributeResolver(new RuleMatcher(Instant.EPOCH)).resolve(sets, Map.of(), null);
    }
}
