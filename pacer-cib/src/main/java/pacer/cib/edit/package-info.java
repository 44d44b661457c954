/**
 * Pure CIB edit commands, pcs's {@code lib/commands} in Java: property set/unset, resource
 * create/delete/update/meta/op/enable/disable/group/clone/move/ban/clear, constraints, defaults
 * and node attributes.
 *
 * <p>Every command takes a {@link pacer.cib.Cib} (its XML tree is the source of truth) and
 * returns an {@link pacer.cib.edit.EditResult}: either a new tree (epoch bumped when the
 * configuration changed) or the errors that stopped it. Commands validate first and change after,
 * on immutable trees, so nothing is ever half-applied. Ids and nvpair ids are generated exactly
 * as pcs generates them ({@code Cluster_VIP-instance_attributes-ip},
 * {@code colocation-WebServer-Cluster_VIP-INFINITY}, ...).
 *
 * <p>Callers: {@code pacer -f FILE} (pacer.cli.pcs) on a file, and later the API on the live
 * store. Nothing here does I/O or reads a clock: agent meta-data comes through
 * {@link pacer.cib.edit.AgentMetadataSource}, "now" (for lifetimes) is a parameter.
 */
package pacer.cib.edit;
