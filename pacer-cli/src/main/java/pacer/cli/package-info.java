/**
 * The {@code pacer} command line: picocli commands ({@link pacer.cli.PacerCommand} and its
 * subcommands), reading a CIB from a file or standard input, and turning failures into messages
 * and exit codes.
 *
 * <p>This is an edge of the system: it reads files, standard input and the wall clock, then hands
 * plain values to the pure scheduler. Nothing here keeps static mutable state; streams and the
 * clock are passed in, so tests run commands in-process.
 */
package pacer.cli;
