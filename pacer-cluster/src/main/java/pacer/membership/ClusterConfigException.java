package pacer.membership;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A cluster configuration file that cannot be used, with every problem found in it. The message
 * has one line per problem, {@code FILE:LINE: what is wrong; how to fix it}, so that an
 * administrator can fix them all in one pass.
 */
public final class ClusterConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    /** One problem; {@code line} is 1-based, or 0 when it concerns the whole file. */
    public record Problem(int line, String message) { }

    private final String source;
    private final List<Problem> problems;

    public ClusterConfigException(String source, List<Problem> problems) {
        super(render(source, problems));
        this.source = source;
        this.problems = List.copyOf(problems);
    }

    public String source() {
        return source;
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String render(String source, List<Problem> problems) {
        return problems.stream()
                .map(p -> (p.line() > 0 ? source + ":" + p.line() : source) + ": " + p.message())
                .collect(Collectors.joining("\n"));
    }
}
