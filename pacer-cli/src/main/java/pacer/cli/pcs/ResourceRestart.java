package pacer.cli.pcs;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.Cib;
import pacer.cib.edit.ResourceEdits;
import pacer.cib.edit.Suggest;
import pacer.cib.xml.XmlElement;
import pacer.scheduler.ClusterStatus;
import pacer.scheduler.Scheduler;

/**
 * {@code pcs resource restart RESOURCE [--wait=SECONDS]}, as {@code crm_resource --restart} does
 * it: set {@code target-role=Stopped}, wait until no instance of the resource is active (read from
 * the live CIB's status), then put the original {@code target-role} back and wait until it is
 * active again. Live only; a resource that does not stop in time gets its role back and the
 * command fails naming it.
 */
final class ResourceRestart {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 500;

    private ResourceRestart() {}

    static int run(List<String> words, PcsArgs args, picocli.CommandLine.Model.CommandSpec spec, PcsSession s) {
        if (words.isEmpty()) throw new PcsUsageException("restart needs a resource id");
        if (words.size() > 1) {
            throw new PcsFailure("restarting on one node ('" + words.get(1) + "') is not supported yet; restart '"
                    + words.get(0) + "' everywhere by leaving out the node");
        }
        PcsMode.requireLive(args, spec, "resource restart", "stops and starts a resource of the running cluster");
        String id = words.get(0);
        Duration timeout = args.value("--wait").filter(v -> !v.isEmpty()).map(ResourceRestart::seconds)
                .orElse(DEFAULT_TIMEOUT);
        Cib before = s.cib();
        XmlElement rsc = before.xml().child("configuration").flatMap(c -> c.child("resources")).stream()
                .flatMap(XmlElement::descendants).filter(e -> id.equals(e.id())
                        && List.of("primitive", "group", "clone", "master", "bundle").contains(e.name()))
                .findFirst().orElseThrow(() -> new PcsFailure("resource '" + id + "' does not exist"
                        + Suggest.didYouMean(id, before.xml().descendants().map(XmlElement::id)
                        .filter(x -> x != null).toList())));
        String original = targetRole(rsc).orElse("");
        if (!active(before, id, s)) throw new PcsFailure("resource '" + id + "' is not running, so it is not restarted;"
                + " use 'pcs resource enable " + id + "' to start it");
        ResourceEdits edits = new ResourceEdits(s.agents());
        if (s.apply(cib -> edits.meta(cib, id, Map.of("target-role", "Stopped"), s.force())) != 0) return 1;
        boolean stopped = waitFor(s, id, false, timeout);
        if (s.apply(cib -> edits.meta(cib, id, Map.of("target-role", original), s.force())) != 0) return 1;
        if (!stopped) {
            throw new PcsFailure("resource '" + id + "' did not stop within " + timeout.toSeconds() + " s; its target-role"
                    + " was put back. Check 'pcs status' for failed actions");
        }
        if (!waitFor(s, id, true, timeout)) {
            throw new PcsFailure("resource '" + id + "' stopped but did not start again within " + timeout.toSeconds()
                    + " s. Check 'pcs status' for failed actions");
        }
        return s.print(List.of(id + " successfully restarted"));
    }

    private static Optional<String> targetRole(XmlElement rsc) {
        return rsc.child("meta_attributes").flatMap(m -> m.children("nvpair")
                .filter(p -> "target-role".equals(p.attr("name"))).findFirst()).map(p -> p.attr("value", ""));
    }

    private static boolean waitFor(PcsSession s, String id, boolean wantActive, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (active(s.cib(), id, s) == wantActive) return true;
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Whether any instance of the resource (or of a member, for a group or clone) is active. */
    static boolean active(Cib cib, String id, PcsSession s) {
        ClusterStatus st = Scheduler.schedule(cib, s.now()).status();
        return st.resources().stream().filter(ClusterStatus.ResourceStatus::active)
                .anyMatch(r -> matches(r.id(), id) || r.parent() != null && matches(r.parent(), id));
    }

    private static boolean matches(String instance, String id) {
        return instance.equals(id) || instance.startsWith(id + ":");
    }

    private static Duration seconds(String v) {
        try {
            return Duration.ofSeconds(Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            throw new PcsUsageException("--wait takes a number of seconds, not '" + v + "'");
        }
    }
}
