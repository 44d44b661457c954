package pacer.cib.edit;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import pacer.cib.xml.XmlElement;

/**
 * Allocates element ids the way pcs does: a proposal built from the parent's id and a suffix
 * ({@code Cluster_VIP-instance_attributes-ip}), stripped of characters an XML id cannot hold, and
 * made unique by appending {@code -1}, {@code -2}, ... Ids in the status section do not count
 * (it may remember deleted resources). One instance serves one edit, remembering what it handed
 * out so that two new elements never get the same id.
 */
final class Ids {
    private static final Pattern FIRST_BAD = Pattern.compile("[^a-zA-Z_]");
    private static final Pattern REST_BAD = Pattern.compile("[^a-zA-Z0-9_.-]");
    private static final Pattern VALID = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_.-]*");

    private final Set<String> used = new HashSet<>();

    Ids(XmlElement root) {
        CibTree.configElements(root).filter(Ids::definesId).forEach(e -> used.add(e.id()));
    }

    /** Whether the element defines its id (rather than referring to another element by it). */
    static boolean definesId(XmlElement e) {
        return e.id() != null && !e.has("id-ref") && !e.name().equals("resource_ref") && !e.name().equals("obj_ref");
    }

    boolean exists(String id) { return used.contains(id); }

    /** Books an id chosen by the user (already checked with {@link #exists}). */
    void book(String id) { used.add(id); }

    /** Forgets an id whose element is being replaced, so that its successor may take it. */
    void release(String id) { used.remove(id); }

    /** A fresh id based on {@code proposal}: sanitized, then suffixed until unused. */
    String allocate(String proposal) {
        String base = sanitize(proposal);
        String id = base;
        for (int n = 1; used.contains(id); n++) id = base + "-" + n;
        used.add(id);
        return id;
    }

    /** {@code parentId-suffix}, as pcs's create_subelement_id proposes it. */
    String allocateUnder(String parentId, String suffix) {
        return allocate(parentId + "-" + suffix);
    }

    /** Drops characters an XML id may not hold, as pcs's sanitize_id does. */
    static String sanitize(String candidate) {
        if (candidate.isEmpty()) return candidate;
        String first = FIRST_BAD.matcher(candidate.substring(0, 1)).matches() ? "" : candidate.substring(0, 1);
        return first + REST_BAD.matcher(candidate.substring(1)).replaceAll("");
    }

    /** Why {@code id} is not a valid XML id, or empty when it is. */
    static Optional<String> invalidReason(String id, String what) {
        if (id.isEmpty()) return Optional.of(what + " cannot be empty");
        if (VALID.matcher(id).matches()) return Optional.empty();
        char first = id.charAt(0);
        if (!Character.isLetter(first) && first != '_') {
            return Optional.of("invalid " + what + " '" + id + "', '" + first + "' is not a valid first character for a "
                    + what);
        }
        for (char c : id.substring(1).toCharArray()) {
            if (!Character.isLetterOrDigit(c) && c != '_' && c != '.' && c != '-') {
                return Optional.of("invalid " + what + " '" + id + "', '" + c + "' is not a valid character for a " + what);
            }
        }
        return Optional.of("invalid " + what + " '" + id + "'");
    }
}
