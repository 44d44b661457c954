/**
 * The quorum witness (Corosync-qnetd and corosync-qdevice's job, model {@code net}, algorithm
 * ffsplit): {@link pacer.qdevice.Qnetd} runs on a third host and gives one vote to one partition
 * of each cluster at a time, deciding with {@link pacer.qdevice.Arbiter} (pure, time passed in);
 * {@link pacer.qdevice.QdeviceClient} runs in every node's pacerd, tells the witness its partition
 * and holds the vote only under a lease that the witness renews.
 *
 * <p>Safety rests on two rules. A vote is held for one exact partition (its member set) and only
 * until {@code lease} after the request that won it was <em>sent</em>, measured on the node's own
 * monotonic clock; the witness never gives the vote to another partition while a node outside it
 * may still hold a lease that decides its quorum. And the witness prefers, in a tie, the partition
 * that held the vote, so a healthy half does not lose it to a half that merely asked first.
 *
 * <p>Wire: one line per message, {@code TYPE key=value ...}, values URL-encoded, over TCP; after the
 * witness's {@code HELLO} every line carries an HMAC-SHA256 under the cluster's witness key
 * ({@link pacer.membership.ClusterKey#witnessKey}) over the session's two nonces, its direction and a
 * strictly increasing sequence number, so nothing can be forged or replayed. No static state.
 */
package pacer.qdevice;
