/**
 * crm_simulate's job over the pure scheduler: status text, transition summary, the graph applied
 * as if every action succeeded. Callers supply "now"; nothing here reads a clock or a file.
 */
package pacer.scheduler.simulate;
