package pacer.scheduler.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.scheduler.scenario.PlacementScenarioTest.NOW;
import static pacer.scheduler.scenario.Summaries.normalized;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.scheduler.Transition;

/**
 * Bundles: a container image run as replicas, each with an optional IP address and, when the bundle
 * holds a primitive, a guest node inside the container where one instance of the primitive runs.
 * Expected summaries follow crm_simulate's rules (replica by replica: IP, container, connection,
 * instance).
 */
class BundleScenarioTest {
    private static ScenarioCib cluster() {
        return ScenarioCib.cib().option("stonith-enabled", "false").option("no-quorum-policy", "ignore")
                .nodes("n1", "n2");
    }

    private static String bundle(String runtime, String network, String inner) {
        return """
                <bundle id="web">
                  %s
                  %s
                  %s
                </bundle>
                """.formatted(runtime, network, inner);
    }

    private static final String HTTPD =
            "<primitive id=\"httpd\" class=\"ocf\" provider=\"heartbeat\" type=\"apache\"/>";

    @Test
    @DisplayName("each replica starts its IP, its container, the guest connection and the primitive's instance")
    void replicasWithIpAndPrimitive() {
        Transition t = cluster()
                .resources(bundle("<docker image=\"img\" replicas=\"2\"/>",
                        "<network ip-range-start=\"10.0.0.1\" control-port=\"3121\"/>", HTTPD))
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly(
                "* Start web-ip-10.0.0.1 ( n1 )",
                "* Start web-docker-0 ( n1 )",
                "* Start web-0 ( n1 )",
                "* Start httpd:0 ( web-0 )",
                "* Start web-ip-10.0.0.2 ( n2 )",
                "* Start web-docker-1 ( n2 )",
                "* Start web-1 ( n2 )",
                "* Start httpd:1 ( web-1 )");
    }

    @Test
    @DisplayName("a bundle without a primitive runs bare podman containers, one per host")
    void bareContainers() {
        Transition t = cluster()
                .resources(bundle("<podman image=\"img\" replicas=\"2\"/>", "", ""))
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2"))
                .schedule(NOW);

        assertThat(normalized(t)).containsExactly("* Start web-podman-0 ( n1 )", "* Start web-podman-1 ( n2 )");
    }

    @Test
    @DisplayName("other resources never run on a bundle's guest node")
    void guestNodesAreForTheBundleOnly() {
        Transition t = cluster()
                .resources(bundle("<docker image=\"img\"/>", "<network control-port=\"3121\"/>", HTTPD)
                        + "<primitive id=\"other\" class=\"ocf\" provider=\"pacemaker\" type=\"Dummy\"/>")
                .constraints("<rsc_location id=\"loc\" rsc=\"other\" node=\"web-0\" score=\"INFINITY\"/>")
                .status(NodeStateXml.online("n1"), NodeStateXml.online("n2"))
                .schedule(NOW);

        assertThat(normalized(t)).contains("* Start web-docker-0 ( n1 )", "* Start web-0 ( n1 )",
                "* Start httpd:0 ( web-0 )");
        assertThat(normalized(t)).noneMatch(line -> line.contains("other") && line.contains("web-0"));
    }
}
