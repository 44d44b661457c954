package pacer.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;
import pacer.membership.Member;
import pacer.membership.Membership;

/**
 * The DC's write that makes {@code node_state} follow membership: members are
 * {@code in_ccm="true" crmd="online" join="member"}, nodes that left are
 * {@code in_ccm="false" crmd="offline" join="down"}; the {@code cib} element gets {@code dc-uuid}
 * (the DC's node id) and {@code have-quorum}. The rest of each {@code node_state} (operation
 * history, {@code expected}) is kept. A status change only: {@code num_updates} moves. Immutable.
 */
final class NodeStateWrite implements CibWrite {
    private final Membership view;
    private final Member dc;

    NodeStateWrite(Membership view, Member dc) {
        this.view = view;
        this.dc = dc;
    }

    @Override public XmlElement apply(Cib current) {
        XmlElement root = current.xml()
                .withAttribute("dc-uuid", Integer.toString(dc.nodeId()))
                .withAttribute("have-quorum", view.quorate() ? "1" : "0");
        XmlElement status = root.child("status").orElse(XmlElement.of("status", Map.of(), List.of()));
        List<XmlElement> children = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (XmlElement c : status.children()) {
            if (c.name().equals("node_state")) {
                String uname = c.attr("uname", c.attr("id", ""));
                seen.add(uname);
                children.add(view.contains(uname) ? online(c) : offline(c));
            } else {
                children.add(c);
            }
        }
        for (Member m : view.members()) {
            if (!seen.contains(m.name())) {
                Map<String, String> attrs = new LinkedHashMap<>();
                attrs.put("id", Integer.toString(m.nodeId()));
                attrs.put("uname", m.name());
                children.add(online(XmlElement.of("node_state", attrs, List.of())).withAttribute("expected", "member"));
            }
        }
        return root.withChild(status.withChildren(children));
    }

    private static XmlElement online(XmlElement s) {
        return s.withAttribute("in_ccm", "true").withAttribute("crmd", "online").withAttribute("join", "member");
    }

    private static XmlElement offline(XmlElement s) {
        return s.withAttribute("in_ccm", "false").withAttribute("crmd", "offline").withAttribute("join", "down");
    }

    @Override public String describe() { return "node_state follows membership (view " + view.viewId() + ")"; }
}
