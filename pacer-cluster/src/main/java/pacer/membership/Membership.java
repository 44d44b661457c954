package pacer.membership;

import java.util.List;
import java.util.Optional;

/**
 * One view of the cluster as seen from this node: who is a member, whether the partition is
 * quorate, and who the DC is (the coordinator of a quorate partition, or of any partition when
 * no-quorum-policy=ignore). Immutable; a new one is delivered on every change.
 *
 * @param viewId the JGroups view number: the same on every member of a view, and increasing with
 *               every view change on this node; a change of quorum or DC alone (wait_for_all
 *               released, no-quorum-policy changed) is delivered with the same viewId
 * @param members the members of this partition, in view order (the first is the coordinator)
 * @param quorate whether this partition has quorum (votequorum semantics)
 * @param dc the designated controller of this partition, if any
 */
public record Membership(long viewId, List<Member> members, boolean quorate, Optional<Member> dc) {
    public Membership {
        members = List.copyOf(members);
    }

    public boolean contains(String name) {
        return members.stream().anyMatch(m -> m.name().equals(name));
    }
}
