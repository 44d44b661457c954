package pacer.server;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Measures CIB writes on a running cluster (bench, not a test): N sequential cib-push writes
 * through one node's control API, each a new epoch replicated to every node before it is
 * acknowledged; prints p50/p99 latency and writes per second, next to the latency of a plain
 * read (GET /cib) measured in the same run as the baseline.
 *
 * <p>Usage: {@code CibWriteBench WRITES PORT [PORT...]} (the first port takes the writes; the
 * others are checked to hold the last version at the end).
 */
public final class CibWriteBench {
    private CibWriteBench() {}

    public static void main(String[] args) throws Exception {
        int writes = Integer.parseInt(args[0]);
        int port = Integer.parseInt(args[1]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://127.0.0.1:" + port;
        List<Long> reads = new ArrayList<>();
        for (int i = 0; i < Math.max(20, writes / 5); i++) {
            long t0 = System.nanoTime();
            get(http, base + "/cib");
            reads.add(System.nanoTime() - t0);
        }
        List<Long> lat = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 1; i <= writes; i++) {
            String cib = """
                    <cib admin_epoch="1" epoch="%d" num_updates="0" validate-with="pacemaker-3.0">
                      <configuration>
                        <crm_config><cluster_property_set id="cib-bootstrap-options">
                          <nvpair id="bench" name="cluster-name" value="bench-%d"/>
                        </cluster_property_set></crm_config>
                        <nodes/><resources/><constraints/>
                      </configuration>
                      <status/>
                    </cib>
                    """.formatted(1000 + i + System.currentTimeMillis() % 1000 * 0, i);
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/cib"))
                    .POST(HttpRequest.BodyPublishers.ofString(cib)).timeout(Duration.ofSeconds(40)).build(),
                    HttpResponse.BodyHandlers.ofString());
            lat.add(System.nanoTime() - t0);
            if (r.statusCode() != 200) throw new IllegalStateException("write " + i + " refused: " + r.body());
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        for (int i = 2; i < args.length; i++) {
            String m = get(http, "http://127.0.0.1:" + args[i] + "/membership");
            System.out.println("node on port " + args[i] + ": " + m.lines().filter(l -> l.startsWith("cib-version"))
                    .findFirst().orElse("?"));
        }
        System.out.printf("reads  (GET /cib, baseline): p50 %.2f ms  p99 %.2f ms%n", pct(reads, 50), pct(reads, 99));
        System.out.printf("writes (cib-push, replicated to all): %d in %.2f s = %.0f writes/s; p50 %.2f ms  p99 %.2f ms;"
                + " p50 is %.1fx a read%n", writes, seconds, writes / seconds, pct(lat, 50), pct(lat, 99),
                pct(lat, 50) / pct(reads, 50));
    }

    private static String get(HttpClient http, String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double pct(List<Long> nanos, int p) {
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return s.get(Math.min(s.size() - 1, (int) Math.ceil(p / 100.0 * s.size()) - 1)) / 1e6;
    }
}
