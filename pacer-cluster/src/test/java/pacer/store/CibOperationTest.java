package pacer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.CibVersion;
import pacer.cib.xml.XmlElement;

/** Batches and puts with ancestors: pure on a CIB, whole through the store, intact on the wire. */
class CibOperationTest {
    private static final String RSC = "status/node_state[1]/lrm[1]/lrm_resources/lrm_resource[d1]";
    private static final XmlElement LRM_RESOURCE = Cibs.xml(
            "<lrm_resource id=\"d1\" class=\"ocf\" provider=\"heartbeat\" type=\"Dummy\"/>");

    @TempDir Path dir;
    private CibStore store;

    @AfterEach void close() {
        if (store != null) store.close();
    }

    private static XmlElement op(String id, String callId) {
        return Cibs.xml("<lrm_rsc_op id=\"" + id + "\" operation=\"start\" call-id=\"" + callId + "\" rc-code=\"0\"/>");
    }

    private static CibOperation attribute(String name, String value) {
        return CibOperation.put("status/node_state[1]/transient_attributes[1]/instance_attributes[status-1]",
                Cibs.xml("<nvpair id=\"status-1-" + name + "\" name=\"" + name + "\" value=\"" + value + "\"/>"));
    }

    private Cib empty() { return CibParser.parse(CibDisk.emptyCib()); }

    @Test @DisplayName("A put with ancestors creates the missing lrm_resource with its class, provider and type")
    void putWithAncestors() {
        Cib cib = CibParser.parse(CibOperation.put(RSC, op("d1_last_0", "3"), List.of(LRM_RESOURCE)).apply(empty()));
        var lrm = cib.status().nodes().get(0).resources().get(0);
        assertThat(lrm.id()).isEqualTo("d1");
        assertThat(lrm.agent()).isEqualTo("ocf:heartbeat:Dummy");
        assertThat(lrm.operations()).extracting(o -> o.id()).containsExactly("d1_last_0");

        // An existing ancestor is left as it is; its other children stay.
        Cib again = CibParser.parse(CibOperation.put(RSC, op("d1_monitor_1000", "4"),
                List.of(Cibs.xml("<lrm_resource id=\"d1\" class=\"lsb\" type=\"other\"/>"))).apply(cib));
        var kept = again.status().nodes().get(0).resources().get(0);
        assertThat(kept.agent()).isEqualTo("ocf:heartbeat:Dummy");
        assertThat(kept.operations()).hasSize(2);
    }

    @Test @DisplayName("A batch is one write: one version step, all its changes, or none of them")
    void batchIsAtomic() throws Exception {
        store = CibStore.open(new CibDisk(dir, TestCluster.CLOCK, 3), "n1");
        CibVersion before = store.current().version();

        WriteResult ok = store.write(CibOperation.batch(List.of(
                CibOperation.put(RSC, op("d1_last_0", "3"), List.of(LRM_RESOURCE)),
                CibOperation.put(RSC, op("d1_last_failure_0", "3"), List.of(LRM_RESOURCE)),
                attribute("fail-count-d1#start_0", "1"),
                CibOperation.deleteIfPresent(RSC, "lrm_rsc_op", "d1_monitor_1000")))).get();

        assertThat(ok.accepted()).isTrue();
        assertThat(ok.version()).isEqualTo(before.nextUpdate());
        Cib cib = store.current();
        assertThat(cib.status().nodes().get(0).resources().get(0).operations()).hasSize(2);
        assertThat(cib.status().nodes().get(0).transientAttributes()).containsEntry("fail-count-d1#start_0", "1");

        WriteResult refused = store.write(CibOperation.batch(List.of(attribute("shutdown", "1"),
                CibOperation.delete(RSC, "lrm_rsc_op", "no-such-op")))).get();
        assertThat(refused.accepted()).isFalse();
        assertThat(refused.reasons()).singleElement().asString().contains("no-such-op");
        assertThat(store.current().xml()).isEqualTo(cib.xml());
    }

    @Test @DisplayName("deleteIfPresent changes nothing when the element or its path is missing")
    void deleteIfPresent() {
        Cib cib = empty();
        assertThat(CibOperation.deleteIfPresent(RSC, "lrm_rsc_op", "x").apply(cib)).isEqualTo(cib.xml());
        assertThatThrownBy(() -> CibOperation.delete(RSC, "lrm_rsc_op", "x").apply(cib))
                .isInstanceOf(CibWriteRejected.class);
    }

    @Test @DisplayName("Batches, ancestors and delete-if-present survive the wire; nested batches are flattened")
    void wire() {
        CibOperation inner = CibOperation.batch(List.of(CibOperation.deleteIfPresent(RSC, "lrm_rsc_op", "d1_monitor_1000")));
        CibOperation batch = CibOperation.batch(List.of(CibOperation.put(RSC, op("d1_last_0", "3"), List.of(LRM_RESOURCE)),
                inner, attribute("shutdown", "1700000000")));
        assertThat(((CibOperation.Batch) batch).ops()).hasSize(3);
        CibMessage.Request request = new CibMessage.Request(7, batch);
        assertThat(CibMessage.decode(CibMessage.encode(request))).isEqualTo(request);
        assertThatThrownBy(() -> CibOperation.batch(List.of(CibOperation.replace(CibDisk.emptyCib()))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
