/**
 * pacerd: the daemon's main ({@link pacer.server.Pacerd}) and the one place where a node's object
 * graph is wired ({@code PacerNode}): membership, the replicated CIB, the local control API.
 * Nothing else in Pacer creates threads for a whole node or reads the command line of the daemon.
 */
package pacer.server;
