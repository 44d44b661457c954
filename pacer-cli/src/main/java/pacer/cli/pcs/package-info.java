/**
 * pcs-compatible front doors ({@code pacer resource|constraint|property|node ...}, also run as
 * {@code pcs}): they parse pcs 0.10/0.11 syntax and the 0.9 spellings old tutorials use, call the
 * pure edit commands of {@link pacer.cib.edit}, and print pcs's texts. With {@code -f FILE} they
 * read the CIB file, apply the edit and write the file back atomically (temporary file + rename);
 * an error writes nothing and exits 1 with pcs's "Error: ..." lines. Without {@code -f} they say
 * that the live cluster (pacerd) cannot be reached yet.
 *
 * <p>This is an edge: file I/O, running agents for their meta-data, and the clock live here;
 * nothing keeps static mutable state.
 */
package pacer.cli.pcs;
