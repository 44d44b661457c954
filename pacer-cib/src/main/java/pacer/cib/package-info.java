/**
 * The CIB as typed, immutable records: configuration (cluster options, nodes, resources,
 * constraints, defaults, fencing topology, tags) and status (node states, transient attributes,
 * operation history), plus the version and the XML it was read from.
 *
 * <p>{@link pacer.cib.CibParser} is the way in; it never throws on a semantic problem but returns
 * reports naming the element id and line. Nothing here does I/O or reads a clock.
 */
package pacer.cib;
