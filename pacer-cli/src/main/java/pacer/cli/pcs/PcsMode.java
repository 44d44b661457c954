package pacer.cli.pcs;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** Whether a pcs command runs offline on a CIB file ({@code -f FILE}, after the group or on {@code pacer}). */
final class PcsMode {
    private PcsMode() {}

    static boolean offline(PcsArgs args, CommandSpec spec) {
        if (args.has("-f")) return true;
        OptionSpec option = spec.root().findOption("-f");
        return option != null && option.getValue() != null;
    }

    /** Refuses a command that needs the running cluster when {@code -f} was given. */
    static void requireLive(PcsArgs args, CommandSpec spec, String command, String why) {
        if (offline(args, spec)) {
            throw new PcsFailure("'pcs " + command + "' " + why + "; it cannot work on a CIB file, run it without -f");
        }
    }
}
