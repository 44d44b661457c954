package pacer.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.agents.metadata.AgentMetadata;

class MetadataCacheTest {
    @TempDir Path tmp;
    TestAgents agents;
    ResourceAgents executor;
    Path runs;
    AgentSpec counted = AgentSpec.ocf("pacer", "Counted");

    @BeforeEach void setUp() {
        agents = new TestAgents(tmp);
        executor = new ResourceAgents(agents.host, agents.runner(new FakeTimers()));
        runs = tmp.resolve("runs");
        agents.ocf("pacer", "Counted", """
                [ "$1" = meta-data ] || exit 3
                echo run >> "%s"
                echo '<resource-agent name="Counted"><parameters/><actions><action name="start" timeout="7s"/></actions></resource-agent>'
                """.formatted(runs));
    }

    @Test @DisplayName("Meta-data is read once per agent, even by concurrent callers")
    void readOnce() throws Exception {
        var futures = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(() -> executor.metadata(counted).join())).toList();
        for (var f : futures) assertThat(f.join().defaultTimeoutMs("start")).hasValue(7_000);
        assertThat(executor.metadata(counted).join().name()).isEqualTo("Counted");
        assertThat(Files.readAllLines(runs)).hasSize(1);
    }

    @Test @DisplayName("A failed read is not cached: once the agent is installed, meta-data is found")
    void failureIsForgotten() {
        AgentSpec later = AgentSpec.ocf("pacer", "Later");
        assertThatThrownBy(() -> executor.metadata(later).join())
                .isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(MetadataUnavailableException.class)
                .hasMessageContaining("not installed")
                .satisfies(e -> assertThat(((MetadataUnavailableException) e).result().status()).isEqualTo(ExecStatus.NOT_INSTALLED));
        agents.ocf("pacer", "Later", "echo '<resource-agent name=\"Later\"/>'\n");
        AgentMetadata md = executor.metadata(later).join();
        assertThat(md.name()).isEqualTo("Later");
    }

    @Test @DisplayName("Output that is not meta-data is reported with the parse error")
    void garbage() {
        agents.ocf("pacer", "Garbage", "echo 'usage: Garbage {start|stop}'\n");
        assertThatThrownBy(() -> executor.metadata(AgentSpec.ocf("pacer", "Garbage")).join())
                .cause().isInstanceOf(MetadataUnavailableException.class).hasMessageContaining("not valid XML");
    }

    @Test @DisplayName("forgetMetadata makes the next call read the agent again")
    void forget() throws Exception {
        executor.metadata(counted).join();
        executor.forgetMetadata(counted);
        executor.metadata(counted).join();
        assertThat(Files.readAllLines(runs)).hasSize(2);
    }
}
