package pacer.cib;

import java.util.List;
import java.util.Map;

/**
 * A node's entry in the status section ({@code node_state}): membership flags, transient
 * attributes and the resource operation history (lrm).
 *
 * <p>Membership flags come in two dialects: {@code in_ccm="true"} and {@code crmd="online"}, or
 * (newer) a timestamp saying since when the node is a member or its controller is up; a timestamp
 * of 0 or {@code false}/{@code offline} means not.
 */
public record NodeState(String id, String uname, Map<String, String> attributes,
                        Map<String, String> transientAttributes, List<LrmResource> resources, int line) {
    public NodeState {
        attributes = Map.copyOf(attributes);
        transientAttributes = Map.copyOf(transientAttributes);
        resources = List.copyOf(resources);
    }

    /** Whether the cluster layer sees the node as a member. */
    public boolean inMembership() { return flag(attributes.get("in_ccm"), "true"); }

    /** Whether the node's controller (crmd) is up. */
    public boolean controllerOnline() { return flag(attributes.get("crmd"), "online"); }

    /** {@code member}, {@code down}, {@code pending}, {@code banned}, or empty. */
    public String join() { return attributes.getOrDefault("join", ""); }

    public String expected() { return attributes.getOrDefault("expected", ""); }

    private static boolean flag(String value, String yes) {
        if (value == null) return false;
        String v = value.trim();
        if (v.equalsIgnoreCase(yes) || v.equalsIgnoreCase("true") || v.equalsIgnoreCase("yes")) return true;
        try {
            return Long.parseLong(v) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
