package pacer.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnifiedDiffTest {
    @Test
    void showsSharedRemovedAndAddedLinesInOrder() {
        assertThat(UnifiedDiff.diff(List.of("a", "b", "c"), List.of("a", "x", "c", "d")))
                .containsExactly(" a", "-b", "+x", " c", "+d");
    }

    @Test
    void emptySides() {
        assertThat(UnifiedDiff.diff(List.of("a"), List.of())).containsExactly("-a");
        assertThat(UnifiedDiff.diff(List.of(), List.of("a"))).containsExactly("+a");
        assertThat(UnifiedDiff.diff(List.of(), List.of())).isEmpty();
    }
}
