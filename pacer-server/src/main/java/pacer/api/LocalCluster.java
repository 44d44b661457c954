package pacer.api;

import java.util.concurrent.CompletableFuture;
import pacer.cib.Cib;
import pacer.membership.ClusterBus;
import pacer.membership.Membership;
import pacer.store.CibOperation;
import pacer.store.ReplicatedCib;
import pacer.store.WriteResult;

/**
 * The running cluster as the API needs it: membership and this node's copy of the CIB, read and
 * written through the replicated store. {@link ApiServer#attach} connects one when pacerd runs
 * a cluster; without one, {@code /status} says so and {@code /cib} is refused.
 */
public interface LocalCluster {
    String clusterName();

    Membership membership();

    Cib cib();

    /** Writes through the DC, as the control API does. */
    CompletableFuture<WriteResult> write(CibOperation operation);

    /** The live node's cluster. */
    static LocalCluster of(String clusterName, ClusterBus bus, ReplicatedCib cib) {
        return new LocalCluster() {
            @Override public String clusterName() { return clusterName; }

            @Override public Membership membership() { return bus.membership(); }

            @Override public Cib cib() { return cib.read(); }

            @Override public CompletableFuture<WriteResult> write(CibOperation operation) { return cib.write(operation); }
        };
    }
}
