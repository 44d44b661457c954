package pacer.cli.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * A line diff of two short lists in unified style: a shared line is prefixed with a space, a line
 * only in the first list with {@code -}, one only in the second with {@code +}. Lines come from a
 * longest common subsequence, so a single changed line shows as one {@code -} and one {@code +}.
 * Every line is shown (summaries are short), so there are no hunk headers.
 */
final class UnifiedDiff {
    private UnifiedDiff() {}

    static List<String> diff(List<String> from, List<String> to) {
        int n = from.size();
        int m = to.size();
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = from.get(i).equals(to.get(j)) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<String> out = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && from.get(i).equals(to.get(j))) {
                out.add(" " + from.get(i++));
                j++;
            } else if (j == m || (i < n && common[i + 1][j] >= common[i][j + 1])) {
                out.add("-" + from.get(i++));
            } else {
                out.add("+" + to.get(j++));
            }
        }
        return out;
    }
}
