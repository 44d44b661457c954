package pacer.fencing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static pacer.fencing.ScriptFenceAgents.get;
import static pacer.fencing.TestCibs.cib;
import static pacer.fencing.TestCibs.device;
import static pacer.fencing.TestCibs.level;
import static pacer.fencing.TestCibs.option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.agents.AgentClock;
import pacer.cib.Cib;

class StonithFencerTest {
    @TempDir Path tmp;
    ScriptFenceAgents scripts;
    final AtomicReference<Cib> live = new AtomicReference<>();
    StonithFencer fencer;

    @BeforeEach void setUp() {
        scripts = new ScriptFenceAgents(tmp);
        scripts.succeeding("fence_ok");
        scripts.failing("fence_bad");
        scripts.hanging("fence_hang");
        fencer = newFencer(StonithFencer.DEFAULT_HISTORY_LIMIT);
    }

    private StonithFencer newFencer(int historyLimit) {
        return new StonithFencer("n1", live::get, scripts.agents, AgentClock.system(), new Random(7), historyLimit);
    }

    @AfterEach void tearDown() {
        fencer.close();
        scripts.close();
    }

    @Test @DisplayName("Topology: a failing level falls back to the next level, whose devices all run")
    void topologyFallback() {
        live.set(cib(device("ipmi", "fence_bad") + device("pdu1", "fence_ok") + device("pdu2", "fence_ok"),
                level("l1", "n2", 1, "ipmi") + level("l2", "n2", 2, "pdu1,pdu2")));

        FenceResult r = get(fencer.fence("n2", FenceAction.OFF, "peer is no longer part of the cluster"));

        assertThat(r.success()).isTrue();
        assertThat(r.device()).isEqualTo("pdu1,pdu2");
        assertThat(scripts.calls("fence_bad", "off")).hasSize(3); // one attempt and two retries
        assertThat(scripts.calls("fence_ok", "off")).hasSize(2).allMatch(c -> c.contains("port=n2"));
    }

    @Test @DisplayName("Topology: the level with the lower index is tried first, and a success stops there")
    void topologyOrder() {
        live.set(cib(device("first", "fence_ok") + device("second", "fence_bad"),
                level("l2", "n2", 2, "second") + level("l1", "n2", 1, "first")));

        FenceResult r = get(fencer.fence("n2", FenceAction.OFF, "test"));

        assertThat(r.success()).isTrue();
        assertThat(r.device()).isEqualTo("first");
        assertThat(scripts.calls("fence_bad")).isEmpty();
    }

    @Test @DisplayName("Every level failing fails the operation, with each device's own words")
    void allLevelsFail() {
        live.set(cib(device("ipmi", "fence_bad", "pcmk_off_retries", "0"), level("l1", "n2", 1, "ipmi")
                + level("l2", "n2", 2, "missing")));

        FenceResult r = get(fencer.fence("n2", FenceAction.OFF, "test"));

        assertThat(r.success()).isFalse();
        assertThat(r.detail()).contains("Unable to connect to the fence device").contains("missing: no such fence device");
        assertThat(r.device()).isEqualTo("missing");
    }

    @Test @DisplayName("Retries: a device that fails twice succeeds on its third attempt (pcmk_off_retries default 2)")
    void retriesThenSuccess() {
        scripts.flaky("fence_flaky", 2);
        live.set(cib(device("dev", "fence_flaky"), ""));

        FenceResult r = get(fencer.fence("n2", FenceAction.OFF, "test"));

        assertThat(r.success()).isTrue();
        assertThat(r.detail()).contains("after 3 attempts");
        assertThat(scripts.calls("fence_flaky", "off")).hasSize(3);
    }

    @Test @DisplayName("Retries: pcmk_reboot_retries=1 gives up after two attempts")
    void retriesExhausted() {
        scripts.flaky("fence_flaky", 5);
        live.set(cib(device("dev", "fence_flaky", "pcmk_reboot_retries", "1"), ""));

        FenceResult r = get(fencer.fence("n2", FenceAction.REBOOT, "test"));

        assertThat(r.success()).isFalse();
        assertThat(r.detail()).contains("device busy (call 2)");
        assertThat(scripts.calls("fence_flaky", "reboot")).hasSize(2);
    }

    @Test @DisplayName("Timeout: a hanging agent is stopped at pcmk_off_timeout, not retried, and the next device fences")
    void timeout() {
        live.set(cib(device("slow", "fence_hang", "pcmk_off_timeout", "1s") + device("fast", "fence_ok"),
                level("l1", "n2", 1, "slow") + level("l2", "n2", 2, "fast")));

        FenceResult r = get(fencer.fence("n2", FenceAction.OFF, "test"));

        assertThat(r.success()).isTrue();
        assertThat(r.device()).isEqualTo("fast");
        assertThat(scripts.calls("fence_hang", "off")).hasSize(1);
    }

    @Test @DisplayName("Timeout: fencing-timeout bounds a device without its own timeout")
    void clusterTimeout() {
        live.set(cib(option("stonith-timeout", "1s"), "", device("slow", "fence_hang"), ""));

        FenceResult r = get(fencer.fence("n2", FenceAction.OFF, "test"));

        assertThat(r.success()).isFalse();
        assertThat(r.detail()).contains("did not complete within 1s");
    }

    @Test @DisplayName("Without topology, the device whose pcmk_host_list names the target fences it")
    void hostList() {
        live.set(cib(device("for-n2", "fence_bad", "pcmk_host_list", "n1,n2")
                + device("for-n3", "fence_ok", "pcmk_host_list", "n3 n4"), ""));

        FenceResult r = get(fencer.fence("n3", FenceAction.OFF, "test"));

        assertThat(r.success()).isTrue();
        assertThat(r.device()).isEqualTo("for-n3");
        assertThat(scripts.calls("fence_bad")).isEmpty();
    }

    @Test @DisplayName("pcmk_host_map names the plug; pcmk_host_argument chooses the parameter that carries it")
    void hostMap() {
        live.set(cib(device("pdu", "fence_ok", "pcmk_host_map", "n2:7;n3:8", "pcmk_host_argument", "plug"), ""));

        assertThat(get(fencer.fence("n3", FenceAction.OFF, "test")).success()).isTrue();

        assertThat(scripts.calls("fence_ok", "off")).singleElement().asString()
                .contains("plug=8").contains("nodename=n3").doesNotContain("pcmk_");
    }

    @Test @DisplayName("dynamic-list: the agent's list action decides which targets a device can fence")
    void dynamicList() {
        scripts.agent("fence_listing", "exit 0", "n5\\nn6,alias6");
        live.set(cib(device("lister", "fence_listing", "pcmk_host_check", "dynamic-list"), ""));

        FenceResult yes = get(fencer.fence("n6", FenceAction.OFF, "test"));
        FenceResult no = get(fencer.fence("n7", FenceAction.OFF, "test"));

        assertThat(yes.success()).isTrue();
        assertThat(no.success()).isFalse();
        assertThat(no.detail()).isEqualTo("no fence device can fence n7");
        assertThat(scripts.calls("fence_listing", "list")).hasSize(1); // the second check used the cached list
    }

    @Test @DisplayName("With no device at all, the request fails and says so")
    void noDevice() {
        live.set(cib("", ""));

        FenceResult r = get(fencer.fence("n2", FenceAction.REBOOT, "test"));

        assertThat(r.success()).isFalse();
        assertThat(r.detail()).contains("no fence device can fence n2").contains("none is configured");
    }

    @Test @DisplayName("Duplicate requests for a target in flight join it: the target is fenced exactly once")
    void duplicatesJoin() {
        scripts.gated("fence_gate");
        live.set(cib(device("gate", "fence_gate"), ""));

        CompletableFuture<FenceResult> first = fencer.fence("n2", FenceAction.REBOOT, "node lost");
        await().atMost(Duration.ofSeconds(30)).until(() -> scripts.started("fence_gate"));
        CompletableFuture<FenceResult> second = fencer.fence("n2", FenceAction.REBOOT, "stop failed");
        CompletableFuture<FenceResult> third = fencer.fence("n2", FenceAction.REBOOT, "node lost again");
        await().atMost(Duration.ofSeconds(30)).until(() -> fencer.pending().size() == 1
                && fencer.pending().get(0).requests() == 3);
        scripts.open("fence_gate");

        assertThat(List.of(get(first), get(second), get(third))).allMatch(FenceResult::success)
                .extracting(FenceResult::completed).containsOnly(get(first).completed());
        assertThat(scripts.calls("fence_gate", "reboot")).hasSize(1);
        assertThat(fencer.history()).singleElement().satisfies(e -> {
            assertThat(e.requests()).isEqualTo(3);
            assertThat(e.reason()).isEqualTo("node lost");
        });
        assertThat(fencer.pending()).isEmpty();
    }

    @Test @DisplayName("History records who, what, why, when, by which device and how it ended")
    void history() {
        live.set(cib(device("good", "fence_ok", "pcmk_host_list", "n2") + device("bad", "fence_bad",
                "pcmk_host_list", "n3", "pcmk_off_retries", "0"), ""));

        get(fencer.fence("n2", FenceAction.OFF, "peer is no longer part of the cluster"));
        get(fencer.fence("n3", FenceAction.OFF, "stop of rsc1 failed"));

        assertThat(fencer.history()).hasSize(2);
        FenceEvent ok = fencer.history("n2").get(0);
        assertThat(ok.success()).isTrue();
        assertThat(ok.action()).isEqualTo(FenceAction.OFF);
        assertThat(ok.device()).isEqualTo("good");
        assertThat(ok.origin()).isEqualTo("n1");
        assertThat(ok.reason()).isEqualTo("peer is no longer part of the cluster");
        assertThat(ok.completed()).isAfterOrEqualTo(ok.requested());
        assertThat(ok.detail()).contains("Success: Powered OFF");
        FenceEvent failed = fencer.history("n3").get(0);
        assertThat(failed.success()).isFalse();
        assertThat(failed.device()).isEqualTo("bad");
        assertThat(failed.detail()).contains("Unable to connect to the fence device");
        assertThat(fencer.lastFenced("n2")).contains(ok);
        assertThat(fencer.lastFenced("n3")).isEmpty();
    }

    @Test @DisplayName("History is bounded: the oldest entries go first")
    void historyBounded() {
        fencer.close();
        fencer = newFencer(2);
        live.set(cib(device("good", "fence_ok"), ""));

        for (String target : List.of("n2", "n3", "n4")) get(fencer.fence(target, FenceAction.OFF, "test"));

        assertThat(fencer.history()).extracting(FenceEvent::target).containsExactly("n3", "n4");
        get(fencer.clearHistory(java.util.Optional.of("n3")));
        assertThat(fencer.history()).extracting(FenceEvent::target).containsExactly("n4");
    }

    @Test @DisplayName("concurrent-fencing=false: a second target waits until the first is done")
    void notConcurrent() {
        scripts.gated("fence_gate");
        live.set(cib(option("concurrent-fencing", "false"), "", device("gate", "fence_gate"), ""));

        CompletableFuture<FenceResult> first = fencer.fence("n2", FenceAction.OFF, "test");
        await().atMost(Duration.ofSeconds(30)).until(() -> scripts.started("fence_gate"));
        CompletableFuture<FenceResult> second = fencer.fence("n3", FenceAction.OFF, "test");
        await().atMost(Duration.ofSeconds(30)).until(() -> fencer.pending().size() == 2);

        assertThat(fencer.pending()).extracting(PendingFence::target, PendingFence::running)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("n2", true),
                        org.assertj.core.groups.Tuple.tuple("n3", false));
        scripts.open("fence_gate");
        assertThat(get(first).success()).isTrue();
        assertThat(get(second).success()).isTrue();
        assertThat(scripts.calls("fence_gate", "off")).hasSize(2);
    }

    @Test @DisplayName("A disabled device (target-role=Stopped) is not used")
    void disabledDevice() {
        live.set(cib("<primitive id=\"off\" class=\"stonith\" type=\"fence_ok\"><meta_attributes id=\"m\">"
                + "<nvpair id=\"m-tr\" name=\"target-role\" value=\"Stopped\"/></meta_attributes></primitive>", ""));

        assertThat(get(fencer.fence("n2", FenceAction.OFF, "test")).success()).isFalse();
        assertThat(scripts.calls("fence_ok")).isEmpty();
    }

    @Test @DisplayName("After close, requests are answered with a failure")
    void closed() {
        fencer.close();

        FenceResult r = get(fencer.fence("n2", FenceAction.OFF, "test"));

        assertThat(r.success()).isFalse();
        assertThat(r.detail()).contains("stopped");
    }
}
