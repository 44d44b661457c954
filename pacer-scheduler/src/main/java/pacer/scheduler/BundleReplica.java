package pacer.scheduler;

/**
 * One replica of a bundle, by the ids of its implicit parts: the IP address (or null), the
 * container, the guest node it launches (or null when the bundle has no primitive) and the
 * primitive's instance placed on that node (or null).
 *
 * @param bundle      the bundle's id
 * @param index       the replica number, from 0
 * @param ip          the IP resource's id, or null
 * @param container   the container resource's id
 * @param guestNode   the guest node's name (also its connection's id), or null
 * @param instance    the id of the primitive's instance on the guest node, or null
 * @param perHost     replicas-per-host of the bundle
 */
record BundleReplica(String bundle, int index, String ip, String container, String guestNode, String instance,
                     int perHost) {}
