/**
 * Membership and messaging, Corosync's job: who is in the cluster ({@link pacer.membership.Membership}),
 * quorum with votequorum semantics ({@link pacer.membership.Quorum}), the DC (the coordinator of a
 * quorate partition), and reliable per-sender FIFO messages sealed with the cluster key.
 *
 * <p>{@link pacer.membership.ClusterBus} is the boundary the CIB store and the controller use;
 * {@link pacer.membership.JGroupsBus} implements it on JGroups from a
 * {@link pacer.membership.ClusterConfig} (the cluster.conf file) and a
 * {@link pacer.membership.ClusterKey}. Callbacks arrive on one delivery thread per bus. Nothing here
 * reads or writes the CIB, and no state is static; the in-JVM {@code TestCluster} lives in the tests.
 */
package pacer.membership;
