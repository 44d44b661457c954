package pacer.scheduler;

import pacer.cib.Role;

/**
 * One colocation between two working resources, after groups and sets are expanded:
 * {@code dependent} is placed relative to {@code primary}.
 *
 * @param influence whether the dependent's preferences may move the primary
 */
record Colocation(String id, Rsc dependent, Rsc primary, int score, Role dependentRole, Role primaryRole,
                  boolean influence, String nodeAttribute) {
}
