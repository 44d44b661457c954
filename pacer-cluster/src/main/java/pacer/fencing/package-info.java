/**
 * Fencing: the {@link pacer.fencing.Fencer} boundary the controller uses, the fencer that runs
 * fence agents by topology level, its history, and the fake device tests use.
 */
package pacer.fencing;
