package pacer.agents;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process of one running agent, to end them all after a timeout or a cancel: the agent's
 * own process group (when it was started through {@code setsid}) and every descendant seen so
 * far. Descendants are remembered because once the agent dies its children are re-parented and
 * {@link ProcessHandle#descendants()} no longer finds them; {@link ProcessHandle} compares start
 * times, so a remembered pid that was reused is never signalled.
 *
 * <p>Thread-safe: the timeout, the kill grace timer and a cancel may signal concurrently.
 */
final class ProcessTree {
    enum Signal { TERM, KILL }

    private final ProcessHandle root;
    private final boolean ownGroup;
    private final Optional<Path> killCommand;
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();
    private volatile OptionalLong groupId = OptionalLong.empty();

    /**
     * @param ownGroup whether the agent was started in a session of its own (through setsid)
     * @param killCommand {@code kill}, to signal a group at once; without it members are signalled one by one
     */
    ProcessTree(ProcessHandle root, boolean ownGroup, Optional<Path> killCommand) {
        this.root = root;
        this.ownGroup = ownGroup;
        this.killCommand = killCommand;
    }

    long pid() { return root.pid(); }

    /** Sends {@code signal} to the group and to every descendant seen, now or before. */
    void signal(Signal signal) {
        root.descendants().forEach(seen::add);
        OptionalLong group = groupId();
        if (group.isPresent()) {
            long pgid = group.getAsLong();
            boolean leaderAlive = ProcessHandle.of(pgid).map(ProcessHandle::isAlive).orElse(false);
            if (leaderAlive && killCommand.isPresent()) {
                signalGroup(pgid, signal);
            } else if (leaderAlive || groupStillExists(pgid)) {
                ProcFs.membersOf(pgid).forEach(pid -> ProcessHandle.of(pid).ifPresent(seen::add));
            }
        }
        seen.forEach(h -> send(h, signal));
        send(root, signal);
    }

    /** Whether any process of the tree is still alive. */
    boolean anyAlive() {
        if (root.isAlive()) return true;
        return seen.stream().anyMatch(ProcessHandle::isAlive);
    }

    /**
     * Linux keeps a group's id allocated while any member lives, so a live remembered member
     * still in the group proves the id was not reused by an unrelated group.
     */
    private boolean groupStillExists(long pgid) {
        return seen.stream().anyMatch(h -> h.isAlive()
                && ProcFs.processGroup(h.pid()).equals(OptionalLong.of(pgid)));
    }

    /**
     * The agent's group, learned while its leader lives. With setsid exec'ing in place the agent
     * is the leader; where setsid had to fork, the leader is setsid's child. The JVM's own group
     * is never returned, whatever /proc says.
     */
    private OptionalLong groupId() {
        if (!ownGroup || groupId.isPresent()) return groupId;
        OptionalLong own = ProcFs.ownProcessGroup();
        OptionalLong found = OptionalLong.empty();
        if (ProcFs.processGroup(root.pid()).equals(OptionalLong.of(root.pid()))) {
            found = OptionalLong.of(root.pid());
        } else {
            found = root.children()
                    .filter(c -> ProcFs.processGroup(c.pid()).equals(OptionalLong.of(c.pid())))
                    .mapToLong(ProcessHandle::pid)
                    .findFirst();
        }
        if (found.isPresent() && !found.equals(own)) groupId = found;
        return groupId;
    }

    private void signalGroup(long pgid, Signal signal) {
        ProcessBuilder pb = new ProcessBuilder(killCommand.orElseThrow().toString(), "-s", signal.name(), "--",
                "-" + pgid)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            if (!p.waitFor(2, TimeUnit.SECONDS)) p.destroyForcibly();
        } catch (IOException e) {
            // Fall through: members are signalled one by one by the caller.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(ProcessHandle h, Signal signal) {
        if (!h.isAlive() || h.pid() == ProcessHandle.current().pid()) return;
        if (signal == Signal.TERM) h.destroy();
        else h.destroyForcibly();
    }
}
