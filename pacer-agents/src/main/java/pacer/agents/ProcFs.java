package pacer.agents;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * Process groups as Linux shows them in {@code /proc}: the JDK knows parents and children but
 * not process groups. Read-only; every method tolerates processes vanishing mid-read.
 */
final class ProcFs {
    private static final Path PROC = Path.of("/proc");

    private ProcFs() {}

    /** The process group of {@code pid}, or empty if it is gone (or /proc is unreadable). */
    static OptionalLong processGroup(long pid) {
        return statField(PROC.resolve(Long.toString(pid)).resolve("stat"), 2);
    }

    /** The process group of this JVM, which the runner must never signal. */
    static OptionalLong ownProcessGroup() {
        return processGroup(ProcessHandle.current().pid());
    }

    /** The pids of every process in group {@code pgid}. */
    static List<Long> membersOf(long pgid) {
        List<Long> members = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : dirs) {
                OptionalLong group = statField(dir.resolve("stat"), 2);
                if (group.isPresent() && group.getAsLong() == pgid) {
                    members.add(Long.parseLong(dir.getFileName().toString()));
                }
            }
        } catch (IOException | RuntimeException e) {
            return members;
        }
        return members;
    }

    /**
     * Field {@code index} counted after the command name: 0 state, 1 ppid, 2 pgrp. The command
     * name is in parentheses and may itself contain spaces or parentheses, so fields are counted
     * from the last ')'.
     */
    private static OptionalLong statField(Path stat, int index) {
        try {
            String s = Files.readString(stat);
            String[] fields = s.substring(s.lastIndexOf(')') + 2).split(" ");
            return OptionalLong.of(Long.parseLong(fields[index]));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }
}
