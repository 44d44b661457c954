/**
 * {@code cluster setup} on one node: check that the node may join a new cluster, write its
 * cluster configuration and cluster key atomically, and undo exactly that write when another
 * node of the setup failed; and {@code cluster node add|remove} on a member: replace its
 * configuration atomically with one of the same cluster ({@link pacer.api.setup.ConfigUpdate}).
 * Files only; no HTTP.
 */
package pacer.api.setup;
