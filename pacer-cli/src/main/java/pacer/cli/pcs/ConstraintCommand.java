package pacer.cli.pcs;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.Cib;
import pacer.cib.edit.AgentMetadataSource;
import pacer.cib.edit.ConstraintEdits;
import pacer.cib.edit.Suggest;
import pacer.cib.xml.XmlElement;
import picocli.CommandLine.Command;

/**
 * {@code pcs constraint ...}: location prefers|avoids, colocation add (pcs 0.10+
 * {@code A with B SCORE} and 0.9's {@code A B SCORE}), order, delete|remove, ref, and the views
 * {@code [config]}, 0.9's {@code list|show}, and per kind.
 */
@Command(name = "constraint", mixinStandardHelpOptions = true,
        description = {"Manage constraints, as 'pcs constraint' does. Live through the local pacerd, or offline on a CIB file with -f FILE.",
            "Commands: location, colocation add, order, delete|remove, ref, config (0.9: list, show)."})
final class ConstraintCommand extends PcsCommandBase {
    private static final List<String> COMMANDS = List.of("location", "colocation", "order", "delete", "remove", "ref",
            "config", "list", "show");
    private static final List<String> VIEW = List.of("config", "list", "show");

    ConstraintCommand(AgentMetadataSource agents, InstantSource clock) {
        super(agents, clock);
    }

    @Override List<String> usage() {
        return List.of("location <resource> prefers|avoids <node>[=<score>]...",
                "location <resource> rule [id=<rule id>] [constraint-id=<id>] [resource-discovery=..] [role=Promoted|Unpromoted] "
                        + "[score=<score>|score-attribute=<attribute>] <expression>",
                "colocation add [<role>] <resource> with [<role>] <with resource> [<score>] [id=<id>] [influence=..]",
                "order [<action>] <resource> then [<action>] <then resource> [kind=..] [symmetrical=..] [id=..]",
                "delete|remove <constraint id>... | ref <resource> | [config|list|show] [--full]");
    }

    @Override int run(List<String> w, PcsArgs args, PcsSession s) {
        boolean full = args.has("--full");
        if (w.isEmpty() || (VIEW.contains(w.get(0)) && w.size() == 1)) return view(s, List.of(ConstraintText.Kind.values()), full);
        List<String> rest = w.subList(1, w.size());
        boolean f = s.force();
        switch (w.get(0)) {
            case "location":
                if (rest.isEmpty() || VIEW.contains(rest.get(0))) return view(s, List.of(ConstraintText.Kind.LOCATION), full);
                if (List.of("delete", "remove").contains(rest.get(0))) return remove(rest.subList(1, rest.size()), s);
                if (rest.size() >= 2 && rest.get(1).equals("rule")) return locationRule(rest, s);
                if (rest.size() < 3 || !List.of("prefers", "avoids").contains(rest.get(1))) {
                    throw new PcsUsageException("expected: location <resource> prefers|avoids <node>[=<score>]... "
                            + "or location <resource> rule [options] <expression>");
                }
                return s.apply(cib -> ConstraintEdits.location(cib, rest.get(0), rest.get(1).equals("prefers"),
                        rest.subList(2, rest.size()), f));
            case "colocation":
                if (rest.isEmpty() || VIEW.contains(rest.get(0))) return view(s, List.of(ConstraintText.Kind.COLOCATION), full);
                if (rest.get(0).equals("add")) return colocation(new ArrayList<>(rest.subList(1, rest.size())), s);
                if (List.of("delete", "remove").contains(rest.get(0)) && rest.size() == 3) {
                    return removeMatching(s, "rsc_colocation", c -> rest.get(1).equals(c.attr("rsc"))
                            && rest.get(2).equals(c.attr("with-rsc")), "colocation constraint with source '" + rest.get(1)
                            + "' and target '" + rest.get(2) + "'");
                }
                throw new PcsUsageException("expected: colocation add|delete|config ...");
            case "order":
                if (rest.isEmpty() || VIEW.contains(rest.get(0))) return view(s, List.of(ConstraintText.Kind.ORDER), full);
                if (List.of("delete", "remove").contains(rest.get(0)) && rest.size() >= 2) {
                    List<String> ids = rest.subList(1, rest.size());
                    return removeMatching(s, "rsc_order", c -> ids.contains(c.attr("first")) || ids.contains(c.attr("then")),
                            "order constraint of " + String.join(", ", ids));
                }
                return order(rest, s);
            case "delete", "remove": return remove(rest, s);
            case "ref": return ref(rest, s);
            default:
                throw new PcsUsageException("unknown command 'constraint " + w.get(0) + "'" + Suggest.didYouMean(w.get(0), COMMANDS));
        }
    }

    /** {@code location RSC rule [k=v...] EXPRESSION...}: the leading known options, then the expression. */
    private int locationRule(List<String> rest, PcsSession s) {
        String rsc = rest.get(0);
        Map<String, String> options = new java.util.LinkedHashMap<>();
        int i = 2;
        while (i < rest.size() && PcsArgs.isPair(rest.get(i))
                && ConstraintEdits.RULE_OPTIONS.contains(rest.get(i).substring(0, rest.get(i).indexOf('=')))) {
            String w = rest.get(i++);
            options.put(w.substring(0, w.indexOf('=')), w.substring(w.indexOf('=') + 1));
        }
        List<String> expression = List.copyOf(rest.subList(i, rest.size()));
        return s.apply(cib -> ConstraintEdits.locationRule(cib, rsc, options, expression, s.force()));
    }

    private int view(PcsSession s, List<ConstraintText.Kind> kinds, boolean full) {
        Cib cib = s.cib();
        return s.print(ConstraintText.all(constraints(cib), kinds, full));
    }

    private static XmlElement constraints(Cib cib) {
        return cib.xml().child("configuration").flatMap(c -> c.child("constraints"))
                .orElse(XmlElement.of("constraints", Map.of(), List.of()));
    }

    private int remove(List<String> ids, PcsSession s) {
        if (ids.isEmpty()) throw new PcsUsageException("no constraint id was given");
        return s.apply(cib -> ConstraintEdits.remove(cib, ids, s.force()));
    }

    private int removeMatching(PcsSession s, String tag, java.util.function.Predicate<XmlElement> match, String what) {
        List<String> ids = constraints(s.cib()).children(tag).filter(match).map(XmlElement::id).toList();
        if (ids.isEmpty()) throw new PcsFailure("Unable to find " + what);
        return s.apply(cib -> ConstraintEdits.remove(cib, ids, s.force()));
    }

    /** Both spellings: {@code [ROLE] A with [ROLE] B [SCORE] [k=v]} and 0.9's {@code A B [SCORE] [k=v]}. */
    private int colocation(List<String> a, PcsSession s) {
        Optional<String> role1 = Optional.empty();
        Optional<String> role2 = Optional.empty();
        String rsc;
        String with;
        if (a.size() >= 3 && a.get(2).equals("with")) {
            role1 = Optional.of(a.remove(0));
            rsc = a.remove(0);
            a.remove(0);
        } else if (a.size() >= 2 && a.get(1).equals("with")) {
            rsc = a.remove(0);
            a.remove(0);
        } else if (a.size() >= 2 && !a.contains("with")) {
            rsc = a.remove(0);
            s.err("Warning: 'colocation add " + rsc + " " + a.get(0) + " ...' is pcs 0.9's spelling; pcs 0.10 and later "
                    + "write 'colocation add " + rsc + " with " + a.get(0) + " ...'");
        } else {
            throw new PcsUsageException("expected: colocation add [<role>] <resource> with [<role>] <with resource> [<score>]");
        }
        if (a.contains("with")) throw new PcsUsageException("Multiple 'with's cannot be specified; use 'pcs constraint colocation set'");
        if (a.isEmpty()) throw new PcsUsageException("missing the resource to colocate with");
        if (a.size() == 1 || isScoreOrOption(a.get(1)) || !isRole(a.get(0))) {
            with = a.remove(0);
        } else {
            role2 = Optional.of(a.remove(0));
            with = a.remove(0);
        }
        Optional<String> score = !a.isEmpty() && !PcsArgs.isPair(a.get(0)) ? Optional.of(a.remove(0)) : Optional.empty();
        Map<String, String> options = PcsArgs.pairs(a);
        Optional<String> r1 = role1;
        Optional<String> r2 = role2;
        return s.apply(cib -> ConstraintEdits.colocation(cib, rsc, r1, with, r2, score, options, s.force()));
    }

    /** pcs takes the word before the resource for a role; Pacer only when it is one, so a bad score reads as one. */
    private static boolean isRole(String w) {
        return List.of("stopped", "started", "promoted", "unpromoted", "master", "slave").contains(w.toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isScoreOrOption(String w) {
        return PcsArgs.isPair(w) || w.matches("[+-]?([0-9]+|(?i:infinity))");
    }

    private int order(List<String> w, PcsSession s) {
        List<String> a = new ArrayList<>(w);
        String firstAction = ConstraintEdits.ACTIONS_DEFAULT;
        if (!a.isEmpty() && ConstraintEdits.ACTIONS.contains(a.get(0)) && a.size() > 3) firstAction = a.remove(0);
        if (a.size() < 3 || !a.get(1).equals("then")) {
            throw new PcsUsageException("expected: order [<action>] <resource> then [<action>] <then resource> [options]");
        }
        String first = a.remove(0);
        a.remove(0);
        String thenAction = ConstraintEdits.ACTIONS_DEFAULT;
        if (a.size() > 1 && ConstraintEdits.ACTIONS.contains(a.get(0)) && !PcsArgs.isPair(a.get(1))) {
            thenAction = a.remove(0);
        }
        String then = a.remove(0);
        if (a.contains("then")) throw new PcsUsageException("Multiple 'then's cannot be specified; use 'pcs constraint order set'");
        Map<String, String> options = new LinkedHashMap<>();
        for (String o : a) {
            if (o.equals("symmetrical") || o.equals("nonsymmetrical")) options.put("symmetrical", String.valueOf(o.equals("symmetrical")));
            else options.putAll(PcsArgs.pairs(List.of(o)));
        }
        String fa = firstAction;
        String ta = thenAction;
        return s.apply(cib -> ConstraintEdits.order(cib, fa, first, ta, then, options, s.force()));
    }

    private int ref(List<String> ids, PcsSession s) {
        if (ids.isEmpty()) throw new PcsUsageException("ref needs at least one resource");
        XmlElement c = constraints(s.cib());
        List<String> out = new ArrayList<>();
        for (String id : ids) {
            out.add("Resource: " + id);
            c.children().stream().filter(x -> List.of("rsc", "with-rsc", "first", "then").stream().anyMatch(k -> id.equals(x.attr(k)))
                    || x.descendants().anyMatch(r -> r.name().equals("resource_ref") && id.equals(r.id())))
                    .map(XmlElement::id).sorted() // pcs 0.11.5 lists them sorted by id
                    .forEach(x -> out.add("  " + x));
        }
        return s.print(out);
    }
}
