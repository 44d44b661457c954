package pacer.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.scheduler.scenario.PlacementScenarioTest.DUMMY;
import static pacer.scheduler.scenario.PlacementScenarioTest.NOW;
import static pacer.scheduler.scenario.Summaries.normalized;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.scheduler.Transition;

/**
 * Pacemaker Remote and guest nodes: nodes defined by resources (an {@code ocf:pacemaker:remote}
 * connection, or a container with the {@code remote-node} meta-attribute), online when their
 * connection runs, able to host resources once it starts, and a guest "fenced" by recovering its
 * container. Expected summaries follow crm_simulate's rules.
 */
class RemoteNodeScenarioTest {
    private static final String REMOTE = "ocf:pacemaker:remote";

    private static ScenarioCib cluster() {
        return ScenarioCib.cib().option("stonith-enabled", "false").option("no-quorum-policy", "ignore")
                .nodes("n1", "n2");
    }

    private static String dummy(String id) {
        return "<primitive id=\"" + id + "\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>";
    }

    private static String prefers(String rsc, String node) {
        return "<rsc_location id=\"loc-" + rsc + "\" rsc=\"" + rsc + "\" node=\"" + node + "\" score=\"100\"/>";
    }

    private static String guestContainer(String id, String guest) {
        return """
                <primitive id="%1$s" class="ocf" provider="heartbeat" type="VirtualDomain">
                  <meta_attributes id="%1$s-meta"><nvpair id="%1$s-rn" name="remote-node" value="%2$s"/></meta_attributes>
                </primitive>
                """.formatted(id, guest);
    }

    @Test
    @DisplayName("a remote connection that starts makes its node able to host resources in the same transition")
    void remoteNodeHostsOnceConnectionStarts() {
        Transition t = cluster()
                .resources("<primitive id=\"remote1\" class=\"ocf\" provider=\"pacemaker\" type=\"remote\"/>" + dummy("rsc"))
                .constraints(prefers("rsc", "remote1") + prefers("remote1", "n2"))
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Start remote1 ( n2 )", "* Start rsc ( remote1 )");
    }

    @Test
    @DisplayName("a connection that cannot run leaves its remote node unable to host anything")
    void remoteNodeDownWithoutConnection() {
        Transition t = cluster()
                .resources("<primitive id=\"remote1\" class=\"ocf\" provider=\"pacemaker\" type=\"remote\">"
                        + "<meta_attributes id=\"remote1-meta\"><nvpair id=\"remote1-tr\" name=\"target-role\" value=\"Stopped\"/>"
                        + "</meta_attributes></primitive>" + dummy("rsc"))
                .constraints(prefers("rsc", "remote1"))
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Start rsc ( n1 )");
    }

    @Test
    @DisplayName("a guest node starts after its container, on the container's node, and its connection is listed last")
    void guestNodeFollowsContainer() {
        Transition t = cluster()
                .resources(guestContainer("container1", "lxc1") + dummy("rsc"))
                .constraints(prefers("rsc", "lxc1") + prefers("container1", "n2"))
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly(
                "* Start container1 ( n2 )", "* Start rsc ( lxc1 )", "* Start lxc1 ( n2 )");
    }

    @Test
    @DisplayName("a failed guest container is recovered, and the guest shows as fenced through it")
    void failedContainerFencesGuest() {
        NodeStateXml n1 = NodeStateXml.online("n1")
                .running("container1", "ocf:heartbeat:VirtualDomain", 0, Map.of())
                .op("container1", "ocf:heartbeat:VirtualDomain", "monitor", 30000, 7, 0, 0, Map.of())
                .running("lxc1", REMOTE, 0, Map.of());
        Transition t = cluster()
                .resources(guestContainer("container1", "lxc1"))
                .status(n1, NodeStateXml.online("n2"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly(
                "* Fence (reboot) lxc1 (resource: container1) 'guest is unclean'",
                "* Recover container1 ( n1 )",
                "* Restart lxc1 ( n1 ) due to required container1 start");
    }
}
