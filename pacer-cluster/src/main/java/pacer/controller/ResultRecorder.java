package pacer.controller;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pacer.cib.BooleanValue;
import pacer.cib.Cib;
import pacer.cib.ClusterOption;
import pacer.cib.LrmOperation;
import pacer.cib.xml.XmlElement;
import pacer.executor.OperationReport;
import pacer.store.CibOperation;
import pacer.store.WriteResult;

/**
 * Records the DC's results in the CIB status, each as <b>one</b> write (a
 * {@link CibOperation#batch batch}: one version step, one broadcast, one fsync): the history entry,
 * on a failure the {@code last_failure} entry, the fail count and last-failure time, and after a
 * stop the forgotten recurring entries. The entries are put with their {@code lrm_resource}
 * ancestor's class, provider and type, so a resource the DC has never recorded on that node is
 * created whole (the scheduler reads its agent from there).
 *
 * <p>Fail counts increase from the value written last, not the CIB's, while that write is in
 * flight, so two failures in quick succession count twice.
 *
 * <p>Threading: confined to the controller's role thread; write completions come back through
 * {@code post}.
 */
final class ResultRecorder {
    private static final Logger log = LoggerFactory.getLogger(ResultRecorder.class);
    static final int INFINITY = 1_000_000;

    private final Function<CibOperation, CompletableFuture<WriteResult>> write;
    private final Consumer<Runnable> post;
    /** {@code node/attribute} → fail count written in a write still in flight. */
    private final Map<String, Integer> failCounts = new HashMap<>();

    ResultRecorder(Function<CibOperation, CompletableFuture<WriteResult>> write, Consumer<Runnable> post) {
        this.write = write;
        this.post = post;
    }

    /** Writes {@code r} into the status of its node in {@code cib} (nothing if the node has no node_state). */
    void record(OperationReport r, Cib cib) { recordAll(List.of(r), cib); }

    /** Writes several results, in order, as one write (a new DC's catch-up from an executor's history). */
    void recordAll(List<OperationReport> reports, Cib cib) {
        List<CibOperation> ops = new ArrayList<>();
        Map<String, Integer> written = new HashMap<>();
        for (OperationReport r : reports) ops.addAll(ops(r, cib, written));
        if (ops.isEmpty()) return;
        write.apply(CibOperation.batch(ops)).whenComplete((result, error) ->
                post.accept(() -> written.forEach((k, v) -> failCounts.remove(k, v))));
    }

    /**
     * Replaces everything the status says {@code node} ran with {@code reports} (its executor's
     * history), as one write: the node's {@code lrm_resource} entries go, the reports' entries come.
     * Fail counts are left as they are: these results were counted when they happened.
     */
    void replaceNodeHistory(String node, List<OperationReport> reports, Cib cib) {
        Optional<String> nodeId = LrmRecord.nodeId(cib, node);
        if (nodeId.isEmpty()) return;
        List<CibOperation> ops = new ArrayList<>();
        cib.status().nodes().stream().filter(n -> n.uname().equals(node)).findFirst().ifPresent(n ->
                n.resources().forEach(lrm -> ops.add(CibOperation.deleteIfPresent(
                        LrmRecord.lrmResourcesPath(nodeId.get()), "lrm_resource", lrm.id()))));
        reports.stream().sorted(java.util.Comparator.comparingInt(OperationReport::callId))
                .forEach(r -> ops.addAll(ops(r, cib, null))); // in the order they ran: the last result wins
        if (ops.isEmpty()) return;
        write.apply(CibOperation.batch(ops));
    }

    /** The operations that record {@code r}; with {@code written} null, fail counts are not touched. */
    private List<CibOperation> ops(OperationReport r, Cib cib, Map<String, Integer> written) {
        Optional<String> nodeId = LrmRecord.nodeId(cib, r.node());
        if (nodeId.isEmpty()) {
            log.warn("Not recording {} on {}: the node has no node_state", r.key(), r.node());
            return List.of();
        }
        String node = nodeId.get();
        String lrmId = CibLookup.lrmId(cib, r.resource());
        boolean failure = LrmRecord.isFailure(r);
        String parent = LrmRecord.lrmResourcePath(node, lrmId);
        List<XmlElement> ancestors = List.of(LrmRecord.lrmResource(lrmId, r.agent(), List.of()));
        List<CibOperation> ops = new ArrayList<>();
        ops.add(CibOperation.put(parent, LrmRecord.op(r, lrmId, LrmRecord.entryId(r, lrmId)), ancestors));
        if (failure) {
            ops.add(CibOperation.put(parent, LrmRecord.op(r, lrmId, lrmId + "_last_failure_0"), ancestors));
        }
        if (failure && written != null) {
            String name = LrmRecord.failCountName(lrmId, r);
            String key = r.node() + "/" + name;
            int current = failCounts.getOrDefault(key, currentFailCount(cib, r.node(), name));
            boolean fatal = r.operation().equals("start")
                    && BooleanValue.parse(CibLookup.option(cib, ClusterOption.START_FAILURE_IS_FATAL), true);
            int next = fatal ? INFINITY : current >= INFINITY ? current : current + 1;
            failCounts.put(key, next);
            written.put(key, next);
            ops.add(LrmRecord.attribute(node, name, next >= INFINITY ? "INFINITY" : Integer.toString(next)));
            ops.add(LrmRecord.attribute(node, LrmRecord.lastFailureName(lrmId, r), Long.toString(r.lastRcChange())));
        }
        if (r.operation().equals("stop") && !failure && written != null) {
            for (String id : LrmRecord.recurringEntries(cib, r.node(), lrmId)) {
                ops.add(CibOperation.deleteIfPresent(parent, "lrm_rsc_op", id));
            }
        }
        return ops;
    }

    /**
     * Whether a result an executor replays (its history, for a new DC) is missing from the CIB:
     * newer than everything recorded for the resource on that node, or a recurring monitor's
     * change under the same call id. A resource with no {@code lrm_resource} there takes it.
     */
    static boolean missing(OperationReport r, Cib cib) {
        String lrmId = CibLookup.lrmId(cib, r.resource());
        Optional<pacer.cib.LrmResource> lrm = LrmRecord.lrmResource(cib, r.node(), lrmId);
        if (lrm.isEmpty()) return true;
        int newest = lrm.get().operations().stream().filter(op -> !op.isPending()).mapToInt(LrmOperation::callId)
                .max().orElse(-1);
        if (r.callId() > newest) return true;
        String entry = LrmRecord.entryId(r, lrmId);
        return r.intervalMs() > 0 && lrm.get().operations().stream().filter(op -> op.id().equals(entry)).anyMatch(op ->
                op.callId() == r.callId() && (op.rcCode() != r.rc() || op.opStatus() != r.opStatus()
                        || op.lastRcChange() != r.lastRcChange()));
    }

    private static int currentFailCount(Cib cib, String uname, String name) {
        String v = cib.status().nodes().stream().filter(n -> n.uname().equals(uname)).findFirst()
                .map(n -> n.transientAttributes().get(name)).orElse(null);
        if (v == null) return 0;
        if (v.equalsIgnoreCase("INFINITY") || v.equals("+INFINITY")) return INFINITY;
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
