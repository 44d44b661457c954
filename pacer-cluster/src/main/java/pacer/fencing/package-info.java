/**
 * Fencing: the {@link pacer.fencing.Fencer} boundary the controller uses; {@link pacer.fencing.StonithFencer},
 * which chooses devices by fencing topology or host lists and runs fence agents through
 * {@code pacer-agents} with timeouts, retries and delays, keeps a bounded history and joins
 * duplicate requests (one thread owns its queue and history); {@link pacer.fencing.SelfFence}, what a
 * node does on losing quorum; and {@link pacer.fencing.FakeFenceDevice}, the fencer double for tests.
 *
 * <p>Reads the CIB, never writes it: recording a fencing in the CIB status is the controller's job.
 * No static mutable state. See {@code docs/fencing.md}.
 */
package pacer.fencing;
