package pacer.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TransitionSummaryTest {
    @Test
    @DisplayName("takes the indented lines after the header, up to the next unindented line")
    void extractsTheBlock() {
        String summary = """
                Current cluster status:
                  * Node List:
                    * Online: [ node1 ]

                Transition Summary:
                  * Stop       rsc1    ( node1 )  due to node availability
                  * Start      rsc2    ( node1 )

                Executing Cluster Transition:
                  * Resource action: rsc1            stop on node1
                """;
        assertThat(TransitionSummary.extract(summary))
                .containsExactly("* Stop rsc1 ( node1 ) due to node availability", "* Start rsc2 ( node1 )");
    }

    @Test
    @DisplayName("an empty Transition Summary is an empty list")
    void emptyBlock() {
        String summary = "Current cluster status:\n  * Node List:\n\nTransition Summary:\n\n"
                + "Executing Cluster Transition:\n  * Resource action: x\n";
        assertThat(TransitionSummary.extract(summary)).isEmpty();
    }

    @Test
    @DisplayName("blank lines inside the block are dropped, tabs and runs of spaces collapse to one space")
    void normalizesWhiteSpace() {
        String summary = "Transition Summary:\n  * Move\t\trsc1   ( node1 -> node2 )\n   \n"
                + "  * Start rsc2 ( node2 )   \r\nRevised Cluster Status:\n";
        assertThat(TransitionSummary.extract(summary))
                .containsExactly("* Move rsc1 ( node1 -> node2 )", "* Start rsc2 ( node2 )");
    }

    @Test
    @DisplayName("the block also ends at the end of the text")
    void endsAtEndOfText() {
        assertThat(TransitionSummary.extract("Transition Summary:\n  * Start rsc1 ( n1 )"))
                .containsExactly("* Start rsc1 ( n1 )");
    }

    @Test
    @DisplayName("a text without the header is refused")
    void noHeader() {
        assertThatThrownBy(() -> TransitionSummary.extract("Current cluster status:\n"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Transition Summary:");
    }

    @Test
    @DisplayName("Pacer's lines normalize the same way, with or without crm_simulate's indent")
    void normalizesActualLines() {
        assertThat(TransitionSummary.normalize(List.of("  * Start      rsc1    ( node1 )", "", "* Stop rsc2 ( node2 )")))
                .containsExactly("* Start rsc1 ( node1 )", "* Stop rsc2 ( node2 )");
    }
}
