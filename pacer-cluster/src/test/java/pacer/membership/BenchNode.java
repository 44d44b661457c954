package pacer.membership;

import java.nio.file.Path;

/**
 * One cluster node in its own JVM, for {@link DetectionBench}: {@code BenchNode CONFIG NODE}
 * starts the node, prints {@code READY} once it is in a view, and runs until killed.
 */
public final class BenchNode {
    private BenchNode() { }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: BenchNode CLUSTER_CONF NODE_NAME");
            System.exit(2);
        }
        ClusterConfig config = ClusterConfig.load(Path.of(args[0]));
        JGroupsBus bus = JGroupsBus.open(config, args[1]);
        bus.start();
        System.out.println("READY");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
