/**
 * The CIB store: this node's copy of the CIB, durable on disk ({@link pacer.store.CibDisk}), changed
 * only on one thread ({@link pacer.store.CibStore}) and replicated through the DC over the
 * {@link pacer.membership.ClusterBus} ({@link pacer.store.ReplicatedCib}).
 *
 * <p>Callers are the API, the controller and pacerd's wiring. Reads are local and lock-free (an
 * immutable {@link pacer.cib.Cib}); every write goes through the DC, which versions it, persists it
 * and broadcasts it in order. Nothing here runs the scheduler or talks to JGroups directly. The
 * protocol is described on {@link pacer.store.ReplicatedCib}, the file format on {@code SignedCibFile}.
 */
package pacer.store;
