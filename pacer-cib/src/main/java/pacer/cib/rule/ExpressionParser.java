package pacer.cib.rule;

import java.util.Optional;
import java.util.OptionalLong;
import pacer.cib.TimeSpec;
import pacer.cib.report.Reports;
import pacer.cib.xml.XmlElement;

/**
 * Parses the non-rule conditions. Checks follow Pacemaker's order, and the first problem makes
 * the condition an {@link InvalidExpression}.
 */
final class ExpressionParser {
    private static final String DATE_HINT = "write an ISO 8601 date such as 2005-01-01, 2005-001, 2005-W01-1 "
            + "or 2005-01-01T09:00:00Z";
    private final Reports reports;

    ExpressionParser(Reports reports) { this.reports = reports; }

    InvalidExpression invalid(XmlElement e, String reportedId, String code, String message) {
        reports.error(code, reportedId, e.line(), message);
        return new InvalidExpression(e.id(), e.name(), message, e.line());
    }

    private Optional<InvalidExpression> missingId(XmlElement e) {
        if (e.id() != null && !e.id().isEmpty()) return Optional.empty();
        return Optional.of(invalid(e, e.name(), e.name().replace('_', '-') + "-missing-id", e.name()
                + " has no id, so it never passes; add a unique id attribute"));
    }

    Expression attribute(XmlElement e) {
        Optional<InvalidExpression> noId = missingId(e);
        if (noId.isPresent()) return noId.get();
        String id = e.id();
        String attribute = e.attr("attribute");
        if (attribute == null) {
            return invalid(e, id, "expression-missing-attribute", "expression has no attribute, so it never "
                    + "passes; set attribute to the node attribute to test");
        }
        String opText = e.attr("operation");
        Optional<AttributeExpression.Operation> op = AttributeExpression.Operation.parse(opText);
        if (op.isEmpty()) {
            return invalid(e, id, "expression-invalid-operation", (opText == null ? "expression has no operation"
                    : "operation '" + opText + "' is not valid") + ", so it never passes; use one of lt, gt, lte, "
                    + "gte, eq, ne, defined or not_defined");
        }
        String sourceText = e.attr("value-source");
        Optional<AttributeExpression.Source> source = sourceText == null
                ? Optional.of(AttributeExpression.Source.LITERAL) : AttributeExpression.Source.parse(sourceText);
        if (source.isEmpty()) {
            return invalid(e, id, "expression-invalid-value-source", "value-source '" + sourceText + "' is not "
                    + "valid, so the expression never passes; use literal, param or meta");
        }
        String value = e.attr("value");
        if (op.get().needsValue() && value == null) {
            return invalid(e, id, "expression-missing-value", "operation " + opText + " needs a value, so the "
                    + "expression never passes; add a value attribute");
        }
        if (!op.get().needsValue() && value != null) {
            return invalid(e, id, "expression-value-not-allowed", "value is not allowed with operation " + opText
                    + ", so the expression never passes; remove the value attribute");
        }
        String typeText = e.attr("type");
        Optional<AttributeExpression.Type> type = Optional.empty();
        if (typeText != null) {
            type = AttributeExpression.Type.parse(typeText);
            if (type.isEmpty()) {
                return invalid(e, id, "expression-invalid-type", "type '" + typeText + "' is not valid, so the "
                        + "expression never passes; use string, integer, number or version");
            }
        }
        return new AttributeExpression(id, attribute, op.get(), Optional.ofNullable(value), type, source.get(),
                e.line());
    }

    Expression resource(XmlElement e) {
        Optional<InvalidExpression> noId = missingId(e);
        if (noId.isPresent()) return noId.get();
        return new ResourceExpression(e.id(), e.attribute("class"), e.attribute("provider"), e.attribute("type"),
                e.line());
    }

    Expression operation(XmlElement e) {
        Optional<InvalidExpression> noId = missingId(e);
        if (noId.isPresent()) return noId.get();
        String name = e.attr("name");
        if (name == null) {
            return invalid(e, e.id(), "op-expression-missing-name", "op_expression has no name, so it never "
                    + "passes; set name to an operation such as monitor");
        }
        String interval = e.attr("interval");
        OptionalLong ms = OptionalLong.empty();
        if (interval != null) {
            ms = TimeSpec.parseMillis(interval);
            if (ms.isEmpty()) {
                return invalid(e, e.id(), "op-expression-invalid-interval", "interval '" + interval + "' is not "
                        + "a valid interval, so the expression never passes; write e.g. 10s, 500ms or PT10S");
            }
        }
        return new OperationExpression(e.id(), name, Optional.ofNullable(interval), ms, e.line());
    }

    Expression date(XmlElement e) {
        Optional<InvalidExpression> noId = missingId(e);
        if (noId.isPresent()) return noId.get();
        String id = e.id();
        String opText = e.attr("operation");
        Optional<DateExpression.Operation> op = DateExpression.Operation.parse(opText);
        if (op.isEmpty()) {
            return invalid(e, id, "date-expression-invalid-operation", "operation '" + opText + "' is not valid, "
                    + "so the date expression never passes; use in_range, gt, lt or date_spec");
        }
        DateExpression.Operation o = op.get();
        Optional<PcmkDate> start = Optional.empty();
        Optional<PcmkDate> end = Optional.empty();
        if (o == DateExpression.Operation.IN_RANGE || o == DateExpression.Operation.GT) {
            String text = e.attr("start");
            if (text != null) {
                start = PcmkDate.parse(text);
                if (start.isEmpty()) return badDate(e, "start", text);
            }
        }
        if (o == DateExpression.Operation.IN_RANGE || o == DateExpression.Operation.LT) {
            String text = e.attr("end");
            if (text != null) {
                end = PcmkDate.parse(text);
                if (end.isEmpty()) return badDate(e, "end", text);
            }
        }
        Optional<DurationSpec> duration = Optional.empty();
        Optional<DateSpec> spec = Optional.empty();
        switch (o) {
            case GT -> {
                if (start.isEmpty()) return missing(e, "gt needs start");
            }
            case LT -> {
                if (end.isEmpty()) return missing(e, "lt needs end");
            }
            case IN_RANGE -> {
                if (start.isEmpty() && end.isEmpty()) return missing(e, "in_range needs start, end or both");
                Optional<XmlElement> d = e.child("duration");
                if (end.isEmpty() && d.isPresent()) {
                    Optional<DurationSpec> parsed = new DateSpecParser(reports).duration(d.get(), id);
                    if (parsed.isEmpty()) return new InvalidExpression(id, e.name(), "invalid duration", e.line());
                    duration = parsed;
                }
            }
            case DATE_SPEC -> {
                Optional<XmlElement> s = e.child("date_spec");
                if (s.isEmpty()) {
                    return invalid(e, id, "date-expression-missing-date-spec", "operation date_spec needs a "
                            + "date_spec element, so the date expression never passes; add one");
                }
                spec = new DateSpecParser(reports).dateSpec(s.get(), id);
                if (spec.isEmpty()) return new InvalidExpression(id, e.name(), "invalid date_spec", e.line());
            }
            default -> throw new IllegalStateException(o.toString());
        }
        return new DateExpression(id, o, start, end, duration, spec, e.line());
    }

    private InvalidExpression badDate(XmlElement e, String attr, String text) {
        return invalid(e, e.id(), "date-expression-invalid-date", attr + " '" + text + "' is not a date Pacemaker "
                + "understands, so the date expression never passes; " + DATE_HINT);
    }

    private InvalidExpression missing(XmlElement e, String what) {
        return invalid(e, e.id(), "date-expression-missing-bound", "operation " + what + ", so the date "
                + "expression never passes; add it");
    }
}
