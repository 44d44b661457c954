/**
 * Membership and messaging: who is in the cluster, quorum (Corosync votequorum semantics), the DC,
 * and reliable per-sender FIFO messages. {@link pacer.membership.ClusterBus} is the boundary the
 * CIB store and the controller use; the JGroups implementation and the in-JVM test cluster live here.
 */
package pacer.membership;
