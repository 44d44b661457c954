package pacer.cli.pcs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code pcs resource describe|list|agents|standards|providers} over a fixed agent catalogue. */
class ResourceAgentsTest {
    @Test
    void describeShowsDescriptionsParametersAndDefaultOperations() {
        PcsCli.Run run = CatalogCli.run("resource", "describe", "ocf:test:Web");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEqualTo("""
                ocf:test:Web - Test web server

                Serves web pages for tests. It does nothing at all.

                Resource options:
                  configfile (required) (unique): The full path of the configuration file.
                  port: TCP port to listen on (default: 80)

                Default operations:
                  start: interval=0s timeout=40s
                  stop: interval=0s timeout=60s
                  monitor: interval=10s timeout=20s
                """);
    }

    @Test
    void describeFullShowsAdvancedAndDeprecatedParameters() {
        String out = CatalogCli.run("resource", "describe", "ocf:test:Web", "--full").out();
        assertThat(out).contains("  tuning (advanced use only): Expert tuning knobs\n")
                .contains("  oldport (deprecated): Old name of port\n");
    }

    @Test
    void describeResolvesABareTypeAndSuggestsOnATypo() {
        PcsCli.Run bare = CatalogCli.run("resource", "describe", "Web");
        assertThat(bare.exitCode()).isZero();
        assertThat(bare.err()).contains("Assumed agent name 'ocf:test:Web' (deduced from 'Web')");
        PcsCli.Run typo = CatalogCli.run("resource", "describe", "IPadr2");
        assertThat(typo.exitCode()).isEqualTo(1);
        assertThat(typo.err()).contains("unable to find agent 'IPadr2'").contains("'IPaddr2'");
        assertThat(CatalogCli.run("resource", "describe", "ocf:heartbeat:Nope").err())
                .contains("agent 'ocf:heartbeat:Nope' is not installed or does not provide valid metadata");
        assertThat(CatalogCli.run("resource", "describe", "stonith:fence_test").err())
                .contains("use 'pcs stonith describe fence_test'");
    }

    @Test
    void describeWrapsLongDescriptionsUnderTheParameter() {
        String out = CatalogCli.run("resource", "describe", "ocf:heartbeat:IPaddr2").out();
        assertThat(out.lines()).allMatch(l -> l.length() <= AgentText.WIDTH);
    }

    @Test
    void listShowsResourceAgentsWithShortDescriptionsFiltered() {
        PcsCli.Run all = CatalogCli.run("resource", "list");
        assertThat(all.out()).contains("ocf:test:Web - Test web server\n").contains("ocf:pacemaker:Dummy")
                .contains("lsb:network\n").doesNotContain("fence_test");
        assertThat(CatalogCli.run("resource", "list", "web").out()).isEqualTo("ocf:test:Web - Test web server\n");
        assertThat(CatalogCli.run("resource", "list", "web", "--nodesc").out()).isEqualTo("ocf:test:Web\n");
        assertThat(CatalogCli.run("resource", "list", "zzz").err()).contains("no resource agents matching the filter 'zzz'");
    }

    @Test
    void agentsStandardsAndProviders() {
        assertThat(CatalogCli.run("resource", "agents", "ocf:heartbeat").out()).isEqualTo("IPaddr2\napache\n");
        assertThat(CatalogCli.run("resource", "agents", "ocf").out()).isEqualTo("Dummy\nIPaddr2\nWeb\napache\n");
        assertThat(CatalogCli.run("resource", "agents", "service").out()).isEqualTo("network\n");
        assertThat(CatalogCli.run("resource", "agents").out()).startsWith("lsb:network\nocf:heartbeat:IPaddr2\n");
        assertThat(CatalogCli.run("resource", "agents", "ocff").err()).contains("no agents found for 'ocff'")
                .contains("ocf");
        assertThat(CatalogCli.run("resource", "standards").out()).isEqualTo("lsb\nocf\nservice\n");
        assertThat(CatalogCli.run("resource", "providers").out()).isEqualTo("heartbeat\npacemaker\ntest\n");
    }
}
