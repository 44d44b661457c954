/**
 * {@code cluster setup} on one node: check that the node may join a new cluster, write its
 * cluster configuration and cluster key atomically, and undo exactly that write when another
 * node of the setup failed. Files only; no HTTP.
 */
package pacer.api.setup;
