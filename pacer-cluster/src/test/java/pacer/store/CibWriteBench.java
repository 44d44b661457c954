package pacer.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import pacer.cib.xml.XmlElement;

/**
 * Writes per second and latency of {@link CibStore} writes on this machine, fsync included, one
 * node, no network. Each write sets one cluster property (a configuration change: new epoch, the
 * whole CIB rewritten to disk) on a CIB with {@code resources} primitives.
 *
 * <pre>
 * java -cp … pacer.store.CibWriteBench [state-dir] [writes] [resources]
 * </pre>
 *
 * Two runs: one writer waiting for each answer (latency), then all writes submitted at once
 * (throughput of the CIB thread; each write is still persisted before the next is applied).
 */
public final class CibWriteBench {
    private CibWriteBench() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/cib-bench");
        int writes = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int resources = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        deleteTree(dir);
        try (CibStore store = CibStore.open(new CibDisk(dir, Clock.systemUTC()), "bench")) {
            for (int i = 0; i < resources; i++) Cibs.get(store.write(Cibs.addPrimitive("rsc" + i)));
            int bytes = store.current().xml().toString().length();
            run(store, "warm-up", writes / 4, false);
            System.out.printf("CIB of %d primitives, %d bytes of XML, fsync on %s%n", resources, bytes, dir.toAbsolutePath());
            run(store, "sequential", writes, false);
            run(store, "pipelined", writes, true);
        }
    }

    private static void run(CibStore store, String name, int writes, boolean pipelined) {
        long[] latency = new long[writes];
        long start = System.nanoTime();
        if (pipelined) {
            List<CompletableFuture<Long>> done = new ArrayList<>();
            for (int i = 0; i < writes; i++) {
                long t0 = System.nanoTime();
                done.add(store.write(property(name, i)).thenApply(r -> System.nanoTime() - t0));
            }
            for (int i = 0; i < writes; i++) latency[i] = Cibs.get(done.get(i));
        } else {
            for (int i = 0; i < writes; i++) {
                long t0 = System.nanoTime();
                WriteResult r = Cibs.get(store.write(property(name, i)));
                latency[i] = System.nanoTime() - t0;
                if (!r.accepted()) throw new IllegalStateException(r.toString());
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(latency);
        if (!name.equals("warm-up")) {
            System.out.printf("%-10s %6d writes  %8.0f writes/s  p50 %6.2f ms  p99 %6.2f ms  max %6.2f ms%n", name, writes,
                    writes / seconds, latency[writes / 2] / 1e6, latency[(int) (writes * 0.99)] / 1e6,
                    latency[writes - 1] / 1e6);
        }
    }

    private static CibOperation property(String run, int i) {
        XmlElement nvpair = Cibs.xml("<nvpair id=\"bench-counter\" name=\"bench-counter\" value=\"" + run + i + "\"/>");
        return CibOperation.put("configuration/crm_config/cluster_property_set[bench]", nvpair);
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) return;
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) Files.delete(p);
        }
    }
}
