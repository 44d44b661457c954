package pacer.executor;

/**
 * Pacemaker's transition key {@code action:transition:expected-rc:dc-uuid}: which action of which
 * transition of which DC, and the exit code it expects.
 */
public record TransitionKey(int action, int transition, int expectedRc, String dcUuid) {
    public static TransitionKey parse(String text) {
        String[] p = text.split(":", 4);
        try {
            return new TransitionKey(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]),
                    p.length > 3 ? p[3] : "");
        } catch (RuntimeException e) {
            return new TransitionKey(-1, -1, 0, text);
        }
    }

    @Override public String toString() { return action + ":" + transition + ":" + expectedRc + ":" + dcUuid; }
}
