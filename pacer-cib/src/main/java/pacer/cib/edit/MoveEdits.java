package pacer.cib.edit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pacer.cib.TimeSpec;
import pacer.cib.rule.PcmkDate;
import pacer.cib.rule.PcmkDuration;
import pacer.cib.xml.XmlElement;
import pacer.cib.Cib;

/**
 * {@code pcs resource move|ban|clear}: the location constraints crm_resource writes,
 * {@code cli-prefer-RSC} (score INFINITY) and {@code cli-ban-RSC-on-NODE} (-INFINITY), role
 * Started (or Promoted with {@code --promoted}). A lifetime turns the constraint into a rule that
 * holds while {@code date lt END}. These constraints outlive the move: {@code clear} removes them.
 */
public final class MoveEdits {
    private static final DateTimeFormatter END = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private MoveEdits() {}

    /**
     * {@code pcs resource move RSC NODE [lifetime=L] [--promoted]}; offline, the node must be named.
     *
     * @param now the time a lifetime counts from
     */
    public static EditResult move(Cib cib, String rsc, Optional<String> node, Optional<String> lifetime,
                                  boolean promoted, Instant now, boolean force) {
        return locate(cib, rsc, node, lifetime, promoted, now, force, true);
    }

    /** {@code pcs resource ban RSC NODE [lifetime=L] [--promoted]}. */
    public static EditResult ban(Cib cib, String rsc, Optional<String> node, Optional<String> lifetime,
                                 boolean promoted, Instant now, boolean force) {
        return locate(cib, rsc, node, lifetime, promoted, now, force, false);
    }

    private static EditResult locate(Cib cib, String rsc, Optional<String> node, Optional<String> lifetime,
                                     boolean promoted, Instant now, boolean force, boolean prefer) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        Resources.require(root, rsc, problems);
        if (node.isEmpty()) {
            problems.error("missing-node", rsc, "offline (-f), the node must be named: pcs resource "
                    + (prefer ? "move " : "ban ") + rsc + " NODE");
        } else {
            Resources.checkNode(root, node.get(), problems);
        }
        Optional<String> end = lifetime.flatMap(l -> endOf(l, now, problems));
        if (problems.hasErrors()) return problems.failed();
        String n = node.get();
        String id = prefer ? "cli-prefer-" + rsc : "cli-ban-" + rsc + "-on-" + n;
        String score = prefer ? "INFINITY" : "-INFINITY";
        String role = promoted ? "Promoted" : "Started";
        XmlElement location = CibTree.element("rsc_location", "id", id, "rsc", rsc, "role", role);
        if (end.isEmpty()) {
            location = location.withAttribute("node", n).withAttribute("score", score);
        } else {
            String rule = prefer ? "cli-prefer-rule-" + rsc : id + "-rule";
            String expr = prefer ? "cli-prefer-expr-" + rsc : id + "-expr";
            String life = prefer ? "cli-prefer-lifetime-end-" + rsc : id + "-lifetime";
            location = location.withChildren(List.of(CibTree.element("rule", "id", rule, "score", score, "boolean-op", "and")
                    .withChildren(List.of(
                            CibTree.element("expression", "id", expr, "attribute", "#uname", "operation", "eq",
                                    "value", n, "type", "string"),
                            CibTree.element("date_expression", "id", life, "operation", "lt", "end", end.get())))));
            problems.info("Migration will take effect until: " + end.get());
        }
        if (prefer) {
            problems.warning("move-constraint", id, "a move constraint '" + id + "' has been created; the resource '" + rsc
                    + "' may or may not move depending on other configuration, and it stays bound to " + n
                    + " until you run 'pcs resource clear " + rsc + "'");
        } else {
            problems.warning("ban-constraint", id, "creating location constraint '" + id + "' with a score of -INFINITY "
                    + "for resource " + rsc + " on " + n + ". This will prevent " + rsc + " from running on " + n
                    + " until the constraint is removed (pcs resource clear " + rsc + "), even if " + n
                    + " is the last node in the cluster");
        }
        XmlElement constraint = location;
        return problems.finish(root, () -> CibTree.editSection(root, "constraints", c -> {
            List<XmlElement> children = new ArrayList<>(c.withoutChildren(e -> id.equals(e.id())).children());
            children.add(constraint);
            return c.withChildren(children);
        }));
    }

    /** The end of a lifetime ({@code PT1H}, {@code P1D}, or {@code 1h}), as crm_resource writes it. */
    static Optional<String> endOf(String lifetime, Instant now, Problems problems) {
        PcmkDate start = PcmkDate.ofInstant(now, ZoneOffset.UTC);
        Optional<PcmkDate> end = PcmkDuration.parse(lifetime).map(start::plus);
        if (end.isEmpty() && !lifetime.startsWith("P")) {
            end = TimeSpec.parseMillis(lifetime).stream().filter(ms -> ms > 0).boxed().findFirst()
                    .map(ms -> start.plusSeconds(ms / 1000));
        }
        if (end.isEmpty()) {
            problems.error("invalid-lifetime", lifetime, "invalid lifetime '" + lifetime
                    + "', use an ISO 8601 duration such as PT1H or P1D (see https://en.wikipedia.org/wiki/ISO_8601#Durations)");
            return Optional.empty();
        }
        return Optional.of(END.format(end.get().toOffsetDateTime()));
    }

    /**
     * {@code pcs resource clear RSC [NODE]}: removes {@code cli-prefer-RSC} (when it points at NODE,
     * if given) and {@code cli-ban-RSC-on-NODE} (every node when none is given).
     */
    public static EditResult clear(Cib cib, String rsc, Optional<String> node, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        if (Resources.find(root, rsc).isEmpty() && CibTree.section(root, "constraints").children().stream()
                .noneMatch(c -> rsc.equals(c.attr("rsc")))) {
            Resources.require(root, rsc, problems);
            return problems.failed();
        }
        List<XmlElement> doomed = CibTree.section(root, "constraints").children("rsc_location")
                .filter(c -> isCliConstraint(c, rsc, node)).toList();
        if (doomed.isEmpty()) problems.info("No move or ban constraints of '" + rsc + "' to remove");
        doomed.forEach(c -> problems.info("Removing constraint: " + c.id()));
        return problems.finish(root, () -> CibTree.editSection(root, "constraints",
                c -> c.withoutChildren(doomed::contains)));
    }

    private static boolean isCliConstraint(XmlElement c, String rsc, Optional<String> node) {
        String id = c.id() == null ? "" : c.id();
        String target = c.attr("node");
        if (target == null) {
            target = c.descendants().filter(e -> e.name().equals("expression") && "#uname".equals(e.attr("attribute")))
                    .map(e -> e.attr("value")).findFirst().orElse(null);
        }
        boolean nodeMatches = node.isEmpty() || node.get().equals(target);
        if (id.equals("cli-prefer-" + rsc)) return nodeMatches;
        return id.startsWith("cli-ban-" + rsc + "-on-") && nodeMatches;
    }
}
