package pacer.fencing;

import static org.assertj.core.api.Assertions.assertThat;
import static pacer.fencing.ScriptFenceAgents.get;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FakeFenceDeviceTest {
    final FakeFenceDevice fake = new FakeFenceDevice();

    @Test @DisplayName("Succeeds by default, runs the hook before answering, records every request")
    void succeed() {
        List<String> killed = new CopyOnWriteArrayList<>();
        fake.onSuccess(r -> killed.add(r.target()));

        FenceResult r = get(fake.fence("n2", FenceAction.REBOOT, "node lost"));
        get(fake.fence("n2", FenceAction.REBOOT, "again"));

        assertThat(r.success()).isTrue();
        assertThat(killed).containsExactly("n2", "n2");
        assertThat(fake.requestsFor("n2")).extracting(FakeFenceDevice.Request::reason).containsExactly("node lost", "again");
        assertThat(fake.requests()).extracting(FakeFenceDevice.Request::sequence).containsExactly(1, 2);
    }

    @Test @DisplayName("Fails per target with the configured detail, without running the hook")
    void fail() {
        List<String> killed = new CopyOnWriteArrayList<>();
        fake.onSuccess(r -> killed.add(r.target())).behave("n3", FakeFenceDevice.Behaviour.FAIL).failWith("no power");

        FenceResult r = get(fake.fence("n3", FenceAction.OFF, "test"));

        assertThat(r.success()).isFalse();
        assertThat(r.detail()).isEqualTo("no power");
        assertThat(killed).isEmpty();
        assertThat(get(fake.fence("n2", FenceAction.OFF, "test")).success()).isTrue();
    }

    @Test @DisplayName("Hangs until released")
    void hang() {
        fake.behaveByDefault(FakeFenceDevice.Behaviour.HANG);

        CompletableFuture<FenceResult> a = fake.fence("n2", FenceAction.OFF, "test");
        CompletableFuture<FenceResult> b = fake.fence("n2", FenceAction.OFF, "test");

        assertThat(a).isNotDone();
        assertThat(fake.hanging()).hasSize(2);
        assertThat(fake.release("n2", true)).isEqualTo(2);
        assertThat(get(a).success()).isTrue();
        assertThat(get(b).success()).isTrue();
        assertThat(fake.hanging()).isEmpty();
    }

    @Test @DisplayName("A hook that throws fails the request instead of reporting the node fenced")
    void throwingHook() {
        fake.onSuccess(r -> { throw new IllegalStateException("boom"); });

        assertThat(fake.fence("n2", FenceAction.OFF, "test")).failsWithin(java.time.Duration.ofSeconds(30));
    }
}
