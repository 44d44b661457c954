package pacer.cib.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;

/**
 * {@code pcs constraint location RSC prefers|avoids NODE[=SCORE]...}, {@code colocation add},
 * {@code order} and {@code constraint remove|delete ID...}, with pcs's ids:
 * {@code location-RSC-NODE-SCORE}, {@code colocation-RSC-WITH-SCORE},
 * {@code order-FIRST-THEN-mandatory}.
 */
public final class ConstraintEdits {
    /** The actions an order constraint may name. */
    public static final List<String> ACTIONS = List.of("start", "stop", "promote", "demote");
    /** The action an order constraint uses when none is given. */
    public static final String ACTIONS_DEFAULT = "start";
    static final List<String> ROLES = List.of("Stopped", "Started", "Promoted", "Unpromoted");
    private static final List<String> COLOCATION_OPTIONS = List.of("id", "score", "influence", "node-attribute");
    private static final List<String> ORDER_OPTIONS = List.of("id", "kind", "symmetrical", "require-all", "score");
    private static final List<String> KINDS = List.of("Optional", "Mandatory", "Serialize");

    private ConstraintEdits() {}

    /**
     * {@code location RSC prefers|avoids NODE[=SCORE]...}: one {@code rsc_location} per node
     * (default score INFINITY; avoids negates it), replacing one for the same resource and node.
     */
    public static EditResult location(Cib cib, String rsc, boolean prefers, List<String> nodeScores, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        checkResource(root, rsc, problems);
        if (nodeScores.isEmpty()) problems.error("missing-argument", rsc, "no node was given");
        List<XmlElement> created = new ArrayList<>();
        for (String nodeScore : nodeScores) {
            String[] parts = nodeScore.split("=", 2);
            String node = parts[0];
            String score = parts.length == 1 ? (prefers ? "INFINITY" : "-INFINITY") : parts[1];
            if (parts.length == 2 && !Constraints.isValidScore(score)) {
                problems.error("invalid-score", node, Constraints.invalidScore(score));
                continue;
            }
            if (parts.length == 2 && !prefers) score = score.startsWith("-") ? score.substring(1) : "-" + score;
            Resources.checkNode(root, node, problems);
            created.add(CibTree.element("rsc_location", "id", Ids.sanitize("location-" + rsc + "-" + node + "-" + score),
                    "rsc", rsc, "node", node, "score", score));
        }
        return problems.finish(root, () -> CibTree.editSection(root, "constraints", c -> {
            List<XmlElement> children = new ArrayList<>(c.children());
            for (XmlElement loc : created) {
                children.removeIf(e -> e.name().equals("rsc_location") && (loc.id().equals(e.id())
                        || (loc.attr("rsc").equals(e.attr("rsc")) && loc.attr("node").equals(e.attr("node")))));
                children.add(loc);
            }
            return c.withChildren(children);
        }));
    }

    /** The options {@code constraint location RSC rule} takes before the expression. */
    public static final List<String> RULE_OPTIONS = List.of("id", "constraint-id", "resource-discovery", "role", "score",
            "score-attribute");

    /**
     * {@code location RSC rule [id=RULE] [constraint-id=ID] [resource-discovery=..] [role=..]
     * [score=S | score-attribute=A] EXPRESSION...}: a new {@code rsc_location} (id
     * {@code location-RSC}, then {@code -1}, ...) holding the rule (id {@code ID-rule}; score
     * INFINITY unless one is given), as pcs 0.11.5 writes it.
     */
    public static EditResult locationRule(Cib cib, String rsc, Map<String, String> options, List<String> expression,
                                          boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        checkResource(root, rsc, problems);
        if (options.containsKey("score") && options.containsKey("score-attribute")) {
            problems.error("score-and-score-attribute", rsc, "a rule takes score or score-attribute, not both; drop one");
        }
        String score = options.get("score");
        if (score != null && !Constraints.isValidScore(score)) problems.error("invalid-score", score, Constraints.invalidScore(score));
        Optional<String> role = Optional.ofNullable(options.get("role")).flatMap(r -> role(r, problems));
        Ids ids = new Ids(root);
        for (String id : List.of("id", "constraint-id")) {
            String given = options.get(id);
            if (given != null && ids.exists(given)) {
                problems.error("duplicate-id", given, "id '" + given + "' is already in use; choose another " + id);
            }
        }
        String constraintId = options.containsKey("constraint-id") ? options.get("constraint-id") : ids.allocate("location-" + rsc);
        ids.book(constraintId);
        String ruleId = options.containsKey("id") ? options.get("id") : ids.allocate(constraintId + "-rule");
        Map<String, String> ruleAttributes = new LinkedHashMap<>();
        role.ifPresent(r -> ruleAttributes.put("role", r));
        if (options.containsKey("score-attribute")) ruleAttributes.put("score-attribute", options.get("score-attribute"));
        else ruleAttributes.put("score", score == null ? "INFINITY" : score);
        XmlElement rule;
        try {
            rule = LocationRules.rule(expression, ruleId, ruleAttributes, ids);
        } catch (LocationRules.RuleSyntaxException e) {
            problems.error("invalid-rule", rsc, e.getMessage());
            return problems.failed();
        }
        XmlElement location = CibTree.element("rsc_location", "id", constraintId, "rsc", rsc,
                "resource-discovery", options.get("resource-discovery")).withChildren(List.of(rule));
        return problems.finish(root, () -> CibTree.editSection(root, "constraints", c -> {
            List<XmlElement> children = new ArrayList<>(c.children());
            children.add(location);
            return c.withChildren(children);
        }));
    }

    /**
     * {@code colocation add [ROLE] RSC with [ROLE] WITH [SCORE] [k=v...]}: score defaults to
     * INFINITY; a role on one side makes the other side's role Started. A constraint with the same
     * resources and roles is a duplicate unless forced.
     */
    public static EditResult colocation(Cib cib, String rsc, Optional<String> rscRole, String with,
                                        Optional<String> withRole, Optional<String> score,
                                        Map<String, String> options, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        checkResource(root, rsc, problems);
        checkResource(root, with, problems);
        if (rsc.equals(with)) problems.error("self-colocation", rsc, "a resource cannot be colocated with itself");
        Optional<String> role1 = rscRole.flatMap(r -> role(r, problems));
        Optional<String> role2 = withRole.flatMap(r -> role(r, problems));
        String s = options.getOrDefault("score", score.orElse("INFINITY"));
        if (!Constraints.isValidScore(s)) problems.error("invalid-score", s, Constraints.invalidScore(s));
        checkOptions(root, options, COLOCATION_OPTIONS, "colocation", problems);
        if (role1.isPresent() && role2.isEmpty()) role2 = Optional.of("Started");
        if (role2.isPresent() && role1.isEmpty()) role1 = Optional.of("Started");
        XmlElement element = CibTree.element("rsc_colocation", "rsc", rsc, "with-rsc", with, "score", s,
                "rsc-role", role1.orElse(null), "with-rsc-role", role2.orElse(null));
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (!o.getKey().equals("score")) element = element.withAttribute(o.getKey(), o.getValue());
        }
        XmlElement candidate = element;
        duplicates(root, "rsc_colocation", candidate, List.of("rsc", "with-rsc", "rsc-role", "with-rsc-role"), "Started", problems);
        return addConstraint(root, candidate, "colocation-" + rsc + "-" + with + "-" + s, problems);
    }

    /**
     * {@code order [ACTION] FIRST then [ACTION] THEN [k=v...]}: actions default to start; the id
     * ends in the kind (default {@code mandatory}). Prints what it adds, as pcs does.
     */
    public static EditResult order(Cib cib, String firstAction, String first, String thenAction, String then,
                                   Map<String, String> options, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        checkResource(root, first, problems);
        checkResource(root, then, problems);
        for (String a : List.of(firstAction, thenAction)) {
            if (!ACTIONS.contains(a)) problems.error("invalid-action", a, "invalid action '" + a + "', use "
                    + String.join(", ", ACTIONS) + Suggest.didYouMean(a, ACTIONS));
        }
        checkOptions(root, options, ORDER_OPTIONS, "order", problems);
        Optional<String> kind = Optional.ofNullable(options.get("kind"));
        kind.filter(k -> !KINDS.contains(k)).ifPresent(k -> problems.error("invalid-value", k, "invalid kind value '"
                + k + "', allowed values are: " + String.join(", ", KINDS) + Suggest.didYouMean(k, KINDS)));
        Optional.ofNullable(options.get("symmetrical")).filter(v -> !List.of("true", "false").contains(v.toLowerCase(Locale.ROOT)))
                .ifPresent(v -> problems.error("invalid-value", v, "invalid symmetrical value '" + v + "', allowed values are: true, false"));
        Optional.ofNullable(options.get("score")).filter(v -> !Constraints.isValidScore(v))
                .ifPresent(v -> problems.error("invalid-score", v, Constraints.invalidScore(v)));
        sameGroup(root, first, then, problems);
        XmlElement element = CibTree.element("rsc_order", "first", first, "then", then, "first-action", firstAction,
                "then-action", thenAction);
        for (Map.Entry<String, String> o : options.entrySet()) element = element.withAttribute(o.getKey(), o.getValue());
        XmlElement candidate = element;
        duplicates(root, "rsc_order", candidate, List.of("first", "then", "first-action", "then-action"), "start", problems);
        String suffix = Optional.ofNullable(options.get("score")).or(() -> kind).orElse("mandatory");
        String scoreKind = options.containsKey("score") ? "score: " + options.get("score") : "kind: " + kind.orElse("Mandatory");
        StringBuilder shown = new StringBuilder();
        options.forEach((k, v) -> { if (!k.equals("kind") && !k.equals("score")) shown.append(k).append('=').append(v).append(' '); });
        shown.append("first-action=").append(firstAction).append(" then-action=").append(thenAction);
        if (!problems.hasErrors()) problems.info("Adding " + first + " " + then + " (" + scoreKind + ") (Options: " + shown + ")");
        return addConstraint(root, candidate, "order-" + first + "-" + then + "-" + suffix, problems);
    }

    /** {@code constraint remove|delete ID...}: constraints, or rules inside location constraints. */
    public static EditResult remove(Cib cib, List<String> ids, boolean force) {
        Problems problems = new Problems(force);
        XmlElement root = cib.xml();
        XmlElement constraints = CibTree.section(root, "constraints");
        List<String> known = constraints.descendants().filter(e -> e.id() != null && (e.name().startsWith("rsc_")
                || e.name().equals("rule"))).map(XmlElement::id).toList();
        if (ids.isEmpty()) problems.error("missing-argument", "", "no constraint id was given");
        for (String id : ids) {
            if (!known.contains(id)) {
                problems.error("constraint-not-found", id, "Unable to find constraint - '" + id + "'"
                        + Suggest.didYouMean(id, known));
            }
        }
        return problems.finish(root, () -> {
            XmlElement out = root;
            for (String id : ids) {
                XmlElement c = CibTree.section(out, "constraints");
                XmlElement target = c.descendants().filter(e -> id.equals(e.id())).findFirst().orElseThrow();
                XmlElement parent = CibTree.parent(c, target).orElseThrow();
                boolean lastRule = target.name().equals("rule") && parent.children("rule").count() == 1;
                out = CibTree.remove(out, lastRule ? parent : target);
            }
            return out;
        });
    }

    private static EditResult addConstraint(XmlElement root, XmlElement candidate, String proposedId, Problems problems) {
        return problems.finish(root, () -> {
            XmlElement c = candidate.has("id") ? candidate : candidate.withAttribute("id", new Ids(root).allocate(proposedId));
            return CibTree.editSection(root, "constraints", s -> {
                List<XmlElement> children = new ArrayList<>(s.children());
                children.add(c);
                return s.withChildren(children);
            });
        });
    }

    /** The resource exists and is not the inside of a clone (constraints name the clone). */
    static void checkResource(XmlElement root, String id, Problems problems) {
        Optional<XmlElement> rsc = Resources.require(root, id, problems);
        rsc.flatMap(r -> Resources.parent(root, r)).filter(p -> Resources.isClone(p) || p.name().equals("bundle"))
                .ifPresent(p -> problems.forceable("clone-member", id, id + " is a " + p.name() + " resource, you should use "
                        + "the " + p.name() + " id: " + p.id() + " when adding constraints"));
    }

    private static Optional<String> role(String typed, Problems problems) {
        String r = typed.isEmpty() ? typed : typed.substring(0, 1).toUpperCase(Locale.ROOT) + typed.substring(1).toLowerCase(Locale.ROOT);
        if (r.equals("Master")) r = "Promoted";
        if (r.equals("Slave")) r = "Unpromoted";
        if (!ROLES.contains(r)) {
            problems.error("invalid-role", typed, "invalid role value '" + typed + "', allowed values are: "
                    + String.join(", ", ROLES) + Suggest.didYouMean(typed, ROLES));
            return Optional.empty();
        }
        return Optional.of(r);
    }

    private static void checkOptions(XmlElement root, Map<String, String> options, List<String> allowed, String kind,
                                     Problems problems) {
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (!allowed.contains(o.getKey())) {
                problems.forceable("invalid-option", o.getKey(), "invalid " + kind + " option '" + o.getKey() + "'"
                        + Suggest.didYouMean(o.getKey(), allowed));
            } else if (o.getKey().equals("id")) {
                Ids.invalidReason(o.getValue(), "constraint id").ifPresent(r -> problems.error("invalid-id", o.getValue(), r));
                if (CibTree.byId(root, o.getValue()).isPresent()) {
                    problems.error("id-exists", o.getValue(), "id '" + o.getValue() + "' is already in use, please specify another one");
                }
            }
        }
    }

    private static void duplicates(XmlElement root, String tag, XmlElement candidate, List<String> keys, String fallback,
                                   Problems problems) {
        CibTree.section(root, "constraints").children(tag)
                .filter(e -> e.children("resource_set").findAny().isEmpty())
                .filter(e -> keys.stream().allMatch(k -> norm(e.attr(k), fallback, k).equals(norm(candidate.attr(k), fallback, k))))
                .forEach(e -> problems.forceable("duplicate-constraint", e.id(), "duplicate constraint already exists: "
                        + e.id()));
    }

    private static String norm(String v, String fallback, String key) {
        boolean optional = key.endsWith("role") || key.endsWith("action");
        return (v == null || v.isEmpty()) && optional ? fallback.toLowerCase(Locale.ROOT) : v == null ? "" : v.toLowerCase(Locale.ROOT);
    }

    private static void sameGroup(XmlElement root, String a, String b, Problems problems) {
        Optional<XmlElement> ra = Resources.find(root, a);
        Optional<XmlElement> rb = Resources.find(root, b);
        if (ra.isEmpty() || rb.isEmpty()) return;
        Optional<XmlElement> ga = Resources.parent(root, ra.get()).filter(p -> p.name().equals("group"));
        Optional<XmlElement> gb = Resources.parent(root, rb.get()).filter(p -> p.name().equals("group"));
        if (ga.isPresent() && ga.equals(gb)) {
            problems.error("same-group", a, "cannot create an order constraint for resources in the same group ('"
                    + ga.get().id() + "'): a group already starts its members in order");
        }
    }
}
