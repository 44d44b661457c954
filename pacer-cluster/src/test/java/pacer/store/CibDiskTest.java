package pacer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pacer.cib.CibVersion;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlReader;

class CibDiskTest {
    @TempDir Path dir;

    private final Path corruptName = Path.of("cib.xml.corrupt-20250301T100000.000Z");

    private CibDisk disk() { return new CibDisk(dir, TestCluster.CLOCK, 3); }

    private static XmlElement cibAt(long epoch) {
        return VersionStamp.stamp(CibDisk.emptyCib(), new CibVersion(0, epoch, 0));
    }

    @Test @DisplayName("An empty state directory gives an empty, trusted CIB at 0.0.0")
    void emptyDirectory() throws IOException {
        CibDisk.Loaded loaded = disk().load();
        assertThat(loaded.trusted()).isTrue();
        assertThat(loaded.cib().version()).isEqualTo(CibVersion.ZERO);
    }

    @Test @DisplayName("What is written is loaded back, trusted, and the file is still plain XML")
    void roundTrip() throws IOException {
        disk().write(cibAt(4));
        CibDisk.Loaded loaded = disk().load();
        assertThat(loaded.trusted()).isTrue();
        assertThat(loaded.cib().version()).isEqualTo(new CibVersion(0, 4, 0));
        String text = Files.readString(dir.resolve("cib.xml"));
        assertThat(text).startsWith("<!-- pacer-cib sha256=");
        assertThat(XmlReader.parse(text, "cib.xml").attr("epoch")).isEqualTo("4");
        assertThat(dir.resolve("cib.xml.tmp")).doesNotExist();
    }

    @Test @DisplayName("Keeps N numbered backups, cib-1.xml the newest")
    void rotatesBackups() throws IOException {
        for (long e = 1; e <= 6; e++) disk().write(cibAt(e));
        assertThat(epochOf(dir.resolve("cib.xml"))).isEqualTo("6");
        assertThat(epochOf(dir.resolve("cib-1.xml"))).isEqualTo("5");
        assertThat(epochOf(dir.resolve("cib-2.xml"))).isEqualTo("4");
        assertThat(epochOf(dir.resolve("cib-3.xml"))).isEqualTo("3");
        assertThat(dir.resolve("cib-4.xml")).doesNotExist();
    }

    @Test @DisplayName("A truncated cib.xml is set aside with a timestamp; the newest backup stands in, untrusted")
    void truncatedFile() throws IOException {
        for (long e = 1; e <= 3; e++) disk().write(cibAt(e));
        Path current = dir.resolve("cib.xml");
        byte[] bytes = Files.readAllBytes(current);
        Files.write(current, java.util.Arrays.copyOf(bytes, bytes.length - 20));

        CibDisk.Loaded loaded = disk().load();

        assertThat(loaded.trusted()).isFalse();
        assertThat(loaded.cib().version()).isEqualTo(new CibVersion(0, 2, 0));
        assertThat(loaded.origin()).endsWith("cib-1.xml");
        assertThat(current).doesNotExist();
        assertThat(dir.resolve(corruptName)).exists();
    }

    @Test @DisplayName("One changed byte, same length, fails the checksum")
    void flippedByte() throws IOException {
        disk().write(cibAt(1));
        disk().write(cibAt(2));
        Path current = dir.resolve("cib.xml");
        String text = Files.readString(current);
        Files.writeString(current, text.replace("epoch=\"2\"", "epoch=\"9\""));

        CibDisk.Loaded loaded = disk().load();

        assertThat(loaded.trusted()).isFalse();
        assertThat(loaded.cib().version()).isEqualTo(new CibVersion(0, 1, 0));
        assertThat(dir.resolve(corruptName)).exists();
    }

    @Test @DisplayName("A corrupt file with no valid backup gives an empty, untrusted CIB; a corrupt backup is skipped")
    void noValidBackup() throws IOException {
        disk().write(cibAt(1));
        disk().write(cibAt(2));
        Files.writeString(dir.resolve("cib.xml"), "garbage");
        Files.writeString(dir.resolve("cib-1.xml"), "<cib epoch=\"1\"/>"); // no header: not ours

        CibDisk.Loaded loaded = disk().load();

        assertThat(loaded.trusted()).isFalse();
        assertThat(loaded.cib().version()).isEqualTo(CibVersion.ZERO);
        assertThat(loaded.origin()).isEqualTo("empty");
    }

    @Test @DisplayName("Two corrupt files in the same millisecond are both kept")
    void corruptTwice() throws IOException {
        for (int i = 0; i < 2; i++) {
            disk().write(cibAt(1));
            Files.writeString(dir.resolve("cib.xml"), "garbage");
            disk().load();
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("cib.xml.corrupt-")))
                    .containsExactlyInAnyOrder("cib.xml.corrupt-20250301T100000.000Z", "cib.xml.corrupt-20250301T100000.000Z-1");
        }
    }

    @Test @DisplayName("A missing cib.xml with backups present is untrusted")
    void missingCurrentWithBackups() throws IOException {
        disk().write(cibAt(1));
        disk().write(cibAt(2));
        Files.delete(dir.resolve("cib.xml"));
        CibDisk.Loaded loaded = disk().load();
        assertThat(loaded.trusted()).isFalse();
        assertThat(loaded.cib().version()).isEqualTo(new CibVersion(0, 1, 0));
    }

    private static String epochOf(Path file) throws IOException {
        return XmlReader.parse(new String(Files.readAllBytes(file), StandardCharsets.UTF_8), file.toString()).attr("epoch");
    }
}
