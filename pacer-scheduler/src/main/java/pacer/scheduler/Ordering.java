package pacer.scheduler;

/**
 * One ordering between two working resources' actions, after groups and sets are expanded:
 * {@code firstTask} of {@code first} before {@code thenTask} of {@code then}.
 *
 * @param kind Mandatory, Optional or Serialize
 */
record Ordering(String id, Rsc first, String firstTask, Rsc then, String thenTask, String kind, boolean symmetrical) {
    boolean mandatory() { return kind.equals("Mandatory"); }
}
