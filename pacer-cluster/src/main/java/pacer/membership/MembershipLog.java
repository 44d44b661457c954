package pacer.membership;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The log lines for a membership change, in the words administrators know from Corosync and
 * Pacemaker ({@code Members joined: n3}, {@code Node n2 state is now lost}, {@code Quorum lost},
 * {@code Set DC to n1}); CTS and people grep for them. Pure: the caller logs the lines with the
 * node and view as keys.
 */
final class MembershipLog {
    private MembershipLog() { }

    /**
     * Lines for the step from {@code before} (empty on the first view) to {@code after}.
     *
     * @param merged whether {@code after} came from merging partitions
     */
    static List<String> changes(Optional<Membership> before, Membership after, boolean merged) {
        List<String> lines = new ArrayList<>();
        List<Member> old = before.map(Membership::members).orElse(List.of());
        Set<String> oldNames = names(old);
        Set<String> newNames = names(after.members());
        List<String> joined = after.members().stream().map(Member::name).filter(n -> !oldNames.contains(n)).toList();
        List<String> left = old.stream().map(Member::name).filter(n -> !newNames.contains(n)).toList();
        boolean viewChanged = before.isEmpty() || before.get().viewId() != after.viewId();

        if (viewChanged) {
            lines.add((merged ? "Partitions merged; members[" : "Members[") + after.members().size() + "]: "
                    + join(after.members().stream().map(Member::name).toList()));
        }
        if (!left.isEmpty()) {
            lines.add("Members left: " + join(left));
            left.forEach(n -> lines.add("Node " + n + " state is now lost"));
        }
        if (!joined.isEmpty() && before.isPresent()) {
            lines.add("Members joined: " + join(joined));
            joined.forEach(n -> lines.add("Node " + n + " state is now member"));
        }
        boolean wasQuorate = before.map(Membership::quorate).orElse(false);
        if (after.quorate() && !wasQuorate) {
            lines.add("Quorum acquired");
        } else if (!after.quorate() && (wasQuorate || before.isEmpty())) {
            lines.add(before.isEmpty() ? "Partition has no quorum" : "Quorum lost");
        }
        Optional<Member> oldDc = before.flatMap(Membership::dc);
        if (!after.dc().equals(oldDc)) {
            lines.add(after.dc().map(dc -> "Set DC to " + dc.name())
                    .orElse("Unset DC (was " + oldDc.map(Member::name).orElse("none") + ")"));
        }
        return lines;
    }

    private static Set<String> names(List<Member> members) {
        return members.stream().map(Member::name).collect(Collectors.toSet());
    }

    private static String join(List<String> names) {
        return String.join(" ", names);
    }
}
