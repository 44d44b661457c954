package pacer.store;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.CibVersion;
import pacer.membership.Member;

/**
 * The DC's collection of CIB versions after a membership change: one answer per member of the
 * view, then the winner. The winner is the highest version among trusted copies, as in Pacemaker;
 * an untrusted copy (set aside as corrupt, or missing) wins only when no member has a trusted one.
 * On a tie the DC's own copy wins, then the earlier member of the view, so no copy travels
 * needlessly.
 *
 * <p>Threading: confined to the CIB thread.
 */
final class SyncRound {
    record Answer(Member member, CibVersion version, boolean trusted) {}

    private final String id;
    private final List<Member> members;
    private final Map<String, Answer> answers = new LinkedHashMap<>();

    SyncRound(String id, List<Member> members) {
        this.id = id;
        this.members = List.copyOf(members);
    }

    String id() { return id; }

    /** Records an answer; ignores one from outside the view. */
    void record(Member from, CibVersion version, boolean trusted) {
        if (members.stream().anyMatch(m -> m.name().equals(from.name()))) {
            answers.put(from.name(), new Answer(from, version, trusted));
        }
    }

    boolean complete() { return answers.size() == members.size(); }

    /** The copy everyone takes; call once {@link #complete()}. */
    Answer winner(Member dc) {
        boolean anyTrusted = answers.values().stream().anyMatch(Answer::trusted);
        Comparator<Answer> order = Comparator.comparing(Answer::version)
                .thenComparing(a -> a.member().name().equals(dc.name()))
                .thenComparing(a -> -members.indexOf(a.member()));
        Optional<Answer> best = answers.values().stream().filter(a -> a.trusted() || !anyTrusted).max(order);
        return best.orElseThrow(() -> new IllegalStateException("round " + id + " has no answers"));
    }

    List<Answer> answers() { return List.copyOf(answers.values()); }
}
