package pacer.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import pacer.cib.CibParser;
import pacer.cib.CibVersion;
import pacer.cib.xml.XmlElement;

class CibMessageTest {
    private static final XmlElement CIB = VersionStamp.stamp(CibDisk.emptyCib(), new CibVersion(1, 7, 2));

    private static CibMessage roundTrip(CibMessage m) { return CibMessage.decode(CibMessage.encode(m)); }

    @Test @DisplayName("Every message survives encoding and decoding")
    void roundTrips() {
        List<CibMessage> messages = List.of(
                new CibMessage.Request(42, Cibs.addPrimitive("web")),
                new CibMessage.Request(43, CibOperation.delete("configuration/resources", "primitive", "web")),
                new CibMessage.Request(44, CibOperation.replaceConfiguration(CIB)),
                new CibMessage.Reply(42, WriteResult.accepted(new CibVersion(0, 8, 0))),
                new CibMessage.Reply(43, WriteResult.rejected(new CibVersion(0, 8, 0), List.of("first reason", "second reason"))),
                new CibMessage.Update(CIB),
                new CibMessage.Query("12.3"),
                new CibMessage.Version("12.3", new CibVersion(1, 7, 2), false),
                new CibMessage.Fetch("12.3"),
                new CibMessage.Copy("12.3", CIB),
                new CibMessage.Adopt("12.3", "n2", CIB));
        for (CibMessage m : messages) assertThat(roundTrip(m)).as(m.kind().name()).isEqualTo(m);
    }

    @Test @DisplayName("The header is one readable line, the body XML")
    void readable() {
        String text = new String(CibMessage.encode(new CibMessage.Update(CIB)), StandardCharsets.UTF_8);
        assertThat(text).startsWith("pacer-cib/1 update\n<cib ");
        assertThat(CibParser.parse(text.substring(text.indexOf('\n') + 1), "x").version()).isEqualTo(new CibVersion(1, 7, 2));
        String version = new String(CibMessage.encode(new CibMessage.Version("3.1", new CibVersion(0, 5, 3), true)),
                StandardCharsets.UTF_8);
        assertThat(version).isEqualTo("pacer-cib/1 version round=3.1 version=0.5.3 trusted=true\n");
    }

    @Test @DisplayName("Something else on the bus is refused")
    void foreign() {
        assertThatThrownBy(() -> CibMessage.decode("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test @DisplayName("Put creates missing sections and replaces an element with the same id")
    void putPaths() {
        var empty = CibParser.parse(CibDisk.emptyCib());
        XmlElement once = Cibs.clusterProperty("no-quorum-policy", "ignore").apply(empty);
        var cib = CibParser.parse(once);
        assertThat(ReplicatedCib.noQuorumPolicy(cib)).isEqualTo("ignore");
        XmlElement twice = Cibs.clusterProperty("no-quorum-policy", "freeze").apply(cib);
        assertThat(ReplicatedCib.noQuorumPolicy(CibParser.parse(twice))).isEqualTo("freeze");
        assertThat(twice.child("configuration").orElseThrow().child("crm_config").orElseThrow()
                .children("cluster_property_set").toList()).singleElement()
                .satisfies(s -> assertThat(s.children()).hasSize(1));
        assertThat(ReplicatedCib.noQuorumPolicy(empty)).isEqualTo("stop");
    }
}
