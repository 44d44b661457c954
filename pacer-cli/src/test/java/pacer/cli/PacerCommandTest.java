package pacer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PacerCommandTest {
    @Test
    @DisplayName("pacer --help lists the commands and exits 0")
    void help() {
        TestCli.Run run = TestCli.run("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Usage: pacer", "simulate", "Exit codes:");
    }

    @Test
    @DisplayName("pacer --version names pacer")
    void version() {
        TestCli.Run run = TestCli.run("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("pacer ");
    }

    @Test
    @DisplayName("pacer without a command is a usage error (2)")
    void noCommand() {
        TestCli.Run run = TestCli.run();
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("Missing a command", "pacer --help");
    }

    @Test
    @DisplayName("a mistyped command is a usage error with a suggestion")
    void unknownCommand() {
        TestCli.Run run = TestCli.run("simulat");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("simulate");
    }
}
