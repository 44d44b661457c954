package pacer.scheduler;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import pacer.cib.ColocationConstraint;
import pacer.cib.Configuration;
import pacer.cib.Constraint;
import pacer.cib.LocationConstraint;
import pacer.cib.OrderConstraint;
import pacer.cib.ResourceSet;
import pacer.cib.Role;
import pacer.cib.Score;
import pacer.cib.Tag;
import pacer.cib.report.Reports;

/**
 * Turns the configured constraints into working {@link Colocation}s and {@link Ordering}s between
 * working resources: resolves ids and tags, expands resource sets, and adds the implicit
 * constraints of groups (each member with, and after, the one before it).
 */
final class ConstraintExpander {
    private final Configuration config;
    private final Map<String, Rsc> byId;
    private final Reports reports;
    final List<Colocation> colocations = new ArrayList<>();
    final List<Ordering> orderings = new ArrayList<>();
    final List<LocationConstraint> locations = new ArrayList<>();

    ConstraintExpander(Configuration config, Map<String, Rsc> byId, Reports reports) {
        this.config = config;
        this.byId = byId;
        this.reports = reports;
    }

    void expand(List<Rsc> top) {
        for (Rsc r : top) groupInternals(r);
        for (Constraint c : config.constraints()) {
            switch (c.kind()) {
                case LOCATION -> locations.add((LocationConstraint) c);
                case COLOCATION -> colocation((ColocationConstraint) c);
                case ORDER -> order((OrderConstraint) c);
                case TICKET -> { }
            }
        }
    }

    private void groupInternals(Rsc r) {
        if (r.config.kind() == pacer.cib.Resource.Kind.GROUP) {
            for (int i = 1; i < r.children.size(); i++) {
                Rsc prev = r.children.get(i - 1);
                Rsc cur = r.children.get(i);
                colocations.add(new Colocation(r.id + "-internal", cur, prev, Score.INFINITY, Role.UNKNOWN,
                        Role.UNKNOWN, true, "#uname"));
                orderings.add(new Ordering(r.id + "-internal", prev, "start", cur, "start", "Mandatory", true));
                orderings.add(new Ordering(r.id + "-internal-inverse", cur, "stop", prev, "stop", "Mandatory", true));
            }
        }
        for (Rsc c : r.children) groupInternals(c);
    }

    /** The working resources an id names: a resource, the primitives made from a template, or the members of a tag. */
    List<Rsc> resolve(String id) {
        return resolve(id, true);
    }

    /**
     * As {@link #resolve(String)}; {@code templates=false} for colocations, where Pacemaker expands a
     * template into an unordered set whose placement semantics Pacer does not model yet.
     */
    List<Rsc> resolve(String id, boolean templates) {
        Rsc r = byId.get(id);
        if (r != null) return List.of(r);
        if (!templates) return resolveTag(id);
        // A template stands for every primitive made from it.
        List<Rsc> fromTemplate = new ArrayList<>();
        for (Rsc x : byId.values()) {
            if (x.isPrimitive() && !x.orphan && x.primitive().template().map(id::equals).orElse(false)
                    && !fromTemplate.contains(x)) {
                fromTemplate.add(x);
            }
        }
        if (!fromTemplate.isEmpty()) return fromTemplate;
        return resolveTag(id);
    }

    private List<Rsc> resolveTag(String id) {
        Optional<Tag> tag = config.tags().stream().filter(t -> t.id().equals(id)).findFirst();
        if (tag.isPresent()) {
            List<Rsc> out = new ArrayList<>();
            tag.get().references().forEach(ref -> out.addAll(resolve(ref)));
            return out;
        }
        return List.of();
    }

    List<Rsc> matching(String pattern) {
        List<Rsc> out = new ArrayList<>();
        try {
            Pattern p = Pattern.compile(pattern);
            for (Map.Entry<String, Rsc> e : byId.entrySet()) {
                if (p.matcher(e.getKey()).find() && e.getValue().parent == null) out.add(e.getValue());
            }
        } catch (PatternSyntaxException e) {
            reports.error("invalid-pattern", pattern, 0, "rsc-pattern is not a valid regular expression: " + e.getDescription());
        }
        return out;
    }

    private void colocation(ColocationConstraint c) {
        boolean influence = c.influence().orElse(true);
        if (c.sets().isEmpty()) {
            for (Rsc d : c.resource().map(id -> resolve(id, false)).orElse(List.of())) {
                for (Rsc p : c.withResource().map(id -> resolve(id, false)).orElse(List.of())) {
                    add(c.id(), d, p, c.score(), c.resourceRole().orElse(Role.UNKNOWN),
                            c.withResourceRole().orElse(Role.UNKNOWN), influence && critical(d), c.nodeAttribute());
                }
            }
            return;
        }
        // Sets: within a sequential set each member is colocated with the one before it;
        // every member of a later set is colocated with (the last of) the set before it.
        List<Rsc> previousSet = List.of();
        for (ResourceSet s : c.sets()) {
            int score = s.score().orElse(c.score());
            Role role = s.role().orElse(Role.UNKNOWN);
            List<Rsc> members = new ArrayList<>();
            s.resources().forEach(id -> members.addAll(resolve(id, false)));
            if (s.sequential()) {
                for (int i = 1; i < members.size(); i++) {
                    add(c.id(), members.get(i), members.get(i - 1), score, role, role, influence, c.nodeAttribute());
                }
            }
            if (!previousSet.isEmpty() && !members.isEmpty()) {
                Rsc primary = members.get(s.sequential() ? members.size() - 1 : 0);
                for (Rsc d : previousSet) {
                    add(c.id(), d, primary, score, Role.UNKNOWN, role, influence, c.nodeAttribute());
                }
            }
            previousSet = members.isEmpty() ? previousSet : List.of(members.get(0));
        }
    }

    private static boolean critical(Rsc r) {
        return pacer.cib.BooleanValue.parse(r.meta.get("critical"), true);
    }

    private void add(String id, Rsc d, Rsc p, int score, Role dr, Role pr, boolean influence, String attr) {
        if (d == p || score == 0) return;
        colocations.add(new Colocation(id, d, p, score, dr, pr, influence, attr));
    }

    private void order(OrderConstraint o) {
        if (o.sets().isEmpty()) {
            for (Rsc f : o.first().map(this::resolve).orElse(List.of())) {
                for (Rsc t : o.then().map(this::resolve).orElse(List.of())) {
                    addOrder(o, f, o.firstAction(), t, o.thenAction());
                }
            }
            return;
        }
        List<Rsc> previous = List.of();
        String previousAction = "start";
        for (ResourceSet s : o.sets()) {
            String action = s.action().orElse(o.firstAction());
            List<Rsc> members = new ArrayList<>();
            s.resources().forEach(id -> members.addAll(resolve(id)));
            if (s.sequential()) {
                for (int i = 1; i < members.size(); i++) addOrder(o, members.get(i - 1), action, members.get(i), action);
            }
            for (Rsc f : previous) {
                for (Rsc t : members) addOrder(o, f, previousAction, t, action);
            }
            if (!members.isEmpty()) {
                previous = s.sequential() ? List.of(members.get(members.size() - 1)) : members;
                previousAction = action;
            }
        }
    }

    private void addOrder(OrderConstraint o, Rsc f, String fa, Rsc t, String ta) {
        if (f == t) return;
        boolean symmetrical = o.symmetrical().orElse(!o.orderKind().equals("Serialize"));
        orderings.add(new Ordering(o.id(), f, fa, t, ta, o.orderKind(), symmetrical));
        if (symmetrical) {
            String inverseFirst = inverse(ta);
            String inverseThen = inverse(fa);
            if (inverseFirst != null && inverseThen != null) {
                orderings.add(new Ordering(o.id() + "-inverse", t, inverseFirst, f, inverseThen, o.orderKind(), true));
            }
        }
    }

    private static String inverse(String task) {
        return switch (task) {
            case "start" -> "stop";
            case "stop" -> "start";
            case "promote" -> "demote";
            case "demote" -> "promote";
            default -> null;
        };
    }
}
