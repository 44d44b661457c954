package pacer.cli.pcs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pacer.cib.edit.CreateRequest;
import pacer.cib.edit.OperationSpec;

/**
 * pcs's grammar for resource options: {@code k=v...} parameters, then sections introduced by
 * {@code op NAME k=v... [NAME k=v...]}, {@code meta k=v...}, {@code clone [ID] [k=v...]} and
 * {@code promotable [ID] [k=v...]} in any order.
 */
final class ResourceArgs {
    /** The words of a create or update, split by section. */
    record Sections(Map<String, String> instance, List<OperationSpec> operations, Map<String, String> meta,
                    CreateRequest.CloneKind cloneKind, Optional<String> cloneId, Map<String, String> cloneMeta) {}

    private ResourceArgs() {}

    static Sections parse(List<String> words, boolean allowClone) {
        Map<String, String> instance = new LinkedHashMap<>();
        Map<String, String> meta = new LinkedHashMap<>();
        Map<String, String> cloneMeta = new LinkedHashMap<>();
        List<String> opNames = new ArrayList<>();
        List<Map<String, String>> opOptions = new ArrayList<>();
        CreateRequest.CloneKind clone = CreateRequest.CloneKind.NONE;
        String cloneId = null;
        String mode = "instance";
        for (String w : words) {
            switch (w) {
                case "op", "meta" -> {
                    mode = w;
                    continue;
                }
                case "clone", "promotable" -> {
                    if (!allowClone) throw new PcsUsageException("'" + w + "' cannot be used here");
                    if (clone != CreateRequest.CloneKind.NONE) throw new PcsUsageException("clone/promotable given twice");
                    clone = w.equals("clone") ? CreateRequest.CloneKind.CLONE : CreateRequest.CloneKind.PROMOTABLE;
                    mode = "clone";
                    continue;
                }
                case "bundle" -> throw new PcsUsageException("bundles are not supported yet");
                default -> { }
            }
            switch (mode) {
                case "op" -> {
                    if (!PcsArgs.isPair(w)) {
                        opNames.add(w);
                        opOptions.add(new LinkedHashMap<>());
                    } else if (opNames.isEmpty()) {
                        throw new PcsUsageException("'op' must be followed by an operation name, e.g. op monitor interval=20s");
                    } else {
                        opOptions.get(opOptions.size() - 1).putAll(PcsArgs.pairs(List.of(w)));
                    }
                }
                case "meta" -> meta.putAll(PcsArgs.pairs(List.of(w)));
                case "clone" -> {
                    if (!PcsArgs.isPair(w) && cloneId == null && cloneMeta.isEmpty()) cloneId = w;
                    else cloneMeta.putAll(PcsArgs.pairs(List.of(w)));
                }
                default -> instance.putAll(PcsArgs.pairs(List.of(w)));
            }
        }
        List<OperationSpec> ops = new ArrayList<>();
        for (int i = 0; i < opNames.size(); i++) ops.add(new OperationSpec(opNames.get(i), opOptions.get(i)));
        return new Sections(instance, ops, meta, clone, Optional.ofNullable(cloneId), cloneMeta);
    }

    /** {@code create ID AGENT ...} with pcs's modifiers (and 0.9's {@code --clone}/{@code --master}). */
    static CreateRequest create(List<String> words, PcsArgs args) {
        if (words.size() < 2) throw new PcsUsageException("resource create needs an id and an agent");
        Sections s = parse(words.subList(2, words.size()), true);
        CreateRequest.CloneKind kind = s.cloneKind();
        if (args.has("--clone")) kind = CreateRequest.CloneKind.CLONE;
        if (args.has("--master")) kind = CreateRequest.CloneKind.PROMOTABLE;
        CreateRequest r = CreateRequest.of(words.get(0), words.get(1), s.instance(), s.operations()).withMeta(s.meta())
                .asClone(kind, s.cloneId(), s.cloneMeta()).withDisabled(args.has("--disabled"))
                .withNoDefaultOps(args.has("--no-default-ops"));
        if (args.has("--group")) r = r.inGroup(args.value("--group").orElseThrow(), args.value("--before"), args.value("--after"));
        return r;
    }
}
