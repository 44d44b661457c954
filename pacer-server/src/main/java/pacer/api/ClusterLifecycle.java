package pacer.api;

import java.nio.file.Path;
import pacer.membership.ClusterConfig;

/**
 * Starts and stops the cluster on this node for {@code POST /cluster/start} and
 * {@code /cluster/stop}. pacerd itself is started by systemd (or the lab), so for now the
 * only implementation, {@link #manual}, answers with what the administrator runs instead.
 */
public interface ClusterLifecycle {
    /** Starts the cluster here; returns a sentence for the client. */
    String start() throws ApiException;

    /** Stops the cluster here; returns a sentence for the client. */
    String stop() throws ApiException;

    /** Makes this node start the cluster at boot ({@code pcs cluster enable}); returns a sentence for the client. */
    String enable() throws ApiException;

    /** Makes this node not start the cluster at boot ({@code pcs cluster disable}). */
    String disable() throws ApiException;

    /**
     * Stops the cluster here and removes the cluster configuration, the cluster key, the CIB and
     * the boot choice ({@code pcs cluster destroy}); the API's own files (tokens, certificate) stay.
     */
    String destroy() throws ApiException;

    /**
     * The configuration file was replaced with {@code config} ({@code pcs cluster node add|remove}):
     * a running cluster takes its node list now; returns a sentence for the client. A refusal
     * leaves the running cluster as it was.
     */
    String reload(ClusterConfig config) throws ApiException;

    /** Answers 501 with the commands to run on the node. */
    static ClusterLifecycle manual(String nodeName, Path configPath) {
        return new ClusterLifecycle() {
            @Override
            public String start() throws ApiException {
                throw new ApiException(501, "NOT_IMPLEMENTED", "starting the cluster through the API is not"
                        + " implemented yet; on " + nodeName + " run 'systemctl restart pacerd' (or 'bin/pacerd --config "
                        + configPath + "'): pacerd joins the cluster when " + configPath + " exists");
            }

            @Override
            public String stop() throws ApiException {
                throw new ApiException(501, "NOT_IMPLEMENTED", "stopping the cluster through the API is not"
                        + " implemented yet; on " + nodeName + " run 'systemctl stop pacerd' (this also stops the"
                        + " HTTPS API there)");
            }

            @Override
            public String enable() throws ApiException {
                throw new ApiException(501, "NOT_IMPLEMENTED", "on " + nodeName + " run 'systemctl enable pacerd'");
            }

            @Override
            public String disable() throws ApiException {
                throw new ApiException(501, "NOT_IMPLEMENTED", "on " + nodeName + " run 'systemctl disable pacerd'");
            }

            @Override
            public String reload(ClusterConfig config) {
                return "the cluster is not running on " + nodeName + "; it reads the new node list when it starts";
            }

            @Override
            public String destroy() throws ApiException {
                throw new ApiException(501, "NOT_IMPLEMENTED", "on " + nodeName + " stop pacerd and remove "
                        + configPath + ", its key and the CIB (STATE-DIR/cib)");
            }
        };
    }
}
