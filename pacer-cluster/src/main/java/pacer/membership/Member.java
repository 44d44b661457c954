package pacer.membership;

/**
 * A cluster node as membership knows it: its name (the {@code uname} of the CIB) and its node id
 * from the cluster configuration.
 */
public record Member(String name, int nodeId) {
    @Override public String toString() { return name; }
}
