package pacer.cli.pcs;

/** Pacemaker's readable intervals ({@code pcmk__readable_interval}): {@code 10s}, {@code 1m30s}, {@code 1h}, {@code 250ms}. */
final class Intervals {
    private Intervals() {}

    static String readable(long ms) {
        if (ms == 0) return "0s";
        StringBuilder b = new StringBuilder();
        long rest = ms;
        long[] units = {86_400_000L, 3_600_000L, 60_000L, 1000L};
        String[] names = {"d", "h", "m", "s"};
        for (int i = 0; i < units.length; i++) {
            if (rest >= units[i]) {
                b.append(rest / units[i]).append(names[i]);
                rest %= units[i];
            }
        }
        if (rest > 0) b.append(rest).append("ms");
        return b.toString();
    }
}
