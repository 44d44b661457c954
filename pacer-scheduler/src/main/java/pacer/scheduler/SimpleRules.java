package pacer.scheduler;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import pacer.cib.Operation;
import pacer.cib.Primitive;
import pacer.cib.xml.XmlElement;

/** Interim rule evaluation (attribute, rsc and op expressions) until pacer.cib.rule is wired in. */
final class SimpleRules {
    private SimpleRules() {}

    static boolean passes(XmlElement rule, Map<String, String> attrs, Primitive rsc, Operation op, Instant now) {
        boolean or = "or".equalsIgnoreCase(rule.attr("boolean-op", "and"));
        boolean any = false;
        boolean all = true;
        int count = 0;
        for (XmlElement e : rule.children()) {
            Boolean r = switch (e.name()) {
                case "expression" -> expression(e, attrs);
                case "rule" -> passes(e, attrs, rsc, op, now);
                case "rsc_expression" -> rsc == null || (match(e.attr("class"), rsc.standard())
                        && match(e.attr("provider"), rsc.provider().orElse(null)) && match(e.attr("type"), rsc.type()));
                case "op_expression" -> op == null || (match(e.attr("name"), op.name()));
                case "date_expression" -> false;
                default -> null;
            };
            if (r == null) continue;
            count++;
            any |= r;
            all &= r;
        }
        if (count == 0) return true;
        return or ? any : all;
    }

    private static boolean match(String want, String have) { return want == null || want.equals(have); }

    private static boolean expression(XmlElement e, Map<String, String> attrs) {
        String attr = e.attr("attribute");
        String op = e.attr("operation", "eq");
        String want = e.attr("value");
        String have = attr == null ? null : attrs.get(attr);
        if (op.equals("defined")) return have != null;
        if (op.equals("not_defined")) return have == null;
        if (have == null || want == null) return op.equals("ne");
        String type = e.attr("type");
        int cmp;
        if (type == null) type = isNumber(have) && isNumber(want) ? "number" : "string";
        switch (type.toLowerCase(Locale.ROOT)) {
            case "integer", "number" -> {
                if (!isNumber(have) || !isNumber(want)) return op.equals("ne");
                cmp = Double.compare(Double.parseDouble(have), Double.parseDouble(want));
            }
            case "version" -> cmp = compareVersions(have, want);
            default -> cmp = have.compareTo(want);
        }
        return switch (op) {
            case "eq" -> cmp == 0;
            case "ne" -> cmp != 0;
            case "lt" -> cmp < 0;
            case "lte" -> cmp <= 0;
            case "gt" -> cmp > 0;
            case "gte" -> cmp >= 0;
            default -> false;
        };
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s.trim());
            return true;
        } catch (NumberFormatException ex) {
            return false;
        }
    }

    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? parse(x[i]) : 0;
            long q = i < y.length ? parse(y[i]) : 0;
            if (p != q) return Long.compare(p, q);
        }
        return 0;
    }

    private static long parse(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
