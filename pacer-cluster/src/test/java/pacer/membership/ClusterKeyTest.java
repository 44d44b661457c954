package pacer.membership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterKeyTest {
    @TempDir Path dir;

    @Test
    void generatedKeysAreOwnerReadOnlyAndDiffer() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        ClusterKey.generate(a);
        ClusterKey.generate(b);

        assertThat(Files.size(a)).isEqualTo(256);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(a))).isEqualTo("r--------");
        assertThat(ClusterKey.load(a, "c").fingerprint()).isNotEqualTo(ClusterKey.load(b, "c").fingerprint());
        assertThat(ClusterKey.load(a, "c").fingerprint()).isEqualTo(ClusterKey.load(a, "c").fingerprint());
    }

    @Test
    void theClusterNameIsPartOfTheKey() throws Exception {
        Path a = dir.resolve("a");
        ClusterKey.generate(a);
        assertThat(ClusterKey.load(a, "one").fingerprint()).isNotEqualTo(ClusterKey.load(a, "two").fingerprint());
    }

    @Test
    void generateNeverOverwrites() throws Exception {
        Path a = dir.resolve("a");
        ClusterKey.generate(a);
        assertThatThrownBy(() -> ClusterKey.generate(a)).isInstanceOf(IOException.class);
    }

    @Test
    void aTooShortKeyIsRefusedWithTheFix() throws Exception {
        Path a = dir.resolve("a");
        Files.write(a, new byte[8]);
        assertThatThrownBy(() -> ClusterKey.load(a, "c"))
                .hasMessage("cluster key file " + a + " has 8 bytes; a key has 32 to 4096 random bytes (generate one"
                        + " with 'dd if=/dev/urandom of=" + a + " bs=256 count=1')");
    }

    @Test
    void toStringNeverShowsTheKey() throws Exception {
        Path a = dir.resolve("a");
        ClusterKey.generate(a);
        ClusterKey k = ClusterKey.load(a, "c");
        assertThat(k.toString()).isEqualTo("ClusterKey[" + k.fingerprint() + "]");
    }
}
