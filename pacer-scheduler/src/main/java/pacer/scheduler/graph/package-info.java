/**
 * The transition graph the scheduler produces and the controller executes: immutable records of
 * actions (node, operation, interval, timeout, parameters) and their ordering inputs.
 */
package pacer.scheduler.graph;
