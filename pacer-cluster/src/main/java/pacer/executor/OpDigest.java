package pacer.executor;

import java.util.Map;
import pacer.cib.OperationDigest;

/**
 * The {@code op-digest} the executor records with an operation: {@link OperationDigest#ofOperation},
 * the same computation the scheduler repeats to notice a changed definition.
 */
public final class OpDigest {
    private OpDigest() {}

    public static String of(Map<String, String> params) {
        return OperationDigest.ofOperation(params);
    }
}
