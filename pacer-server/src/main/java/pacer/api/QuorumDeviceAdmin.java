package pacer.api;

import java.util.List;
import java.util.Optional;
import pacer.membership.QuorumDevice;

/**
 * The quorum-device side of this pacerd for the API: as a cluster node, use a witness or none
 * ({@code pcs quorum device add|remove}); as a witness host, serve a cluster or stop serving it
 * ({@code pcs quorum device add} sends the cluster's witness key here), and say how it goes.
 */
public interface QuorumDeviceAdmin {
    /**
     * Rewrites this node's cluster configuration with {@code device} (or none) and applies it to the
     * running cluster; with {@code checkOnly}, only checks that it could.
     */
    String useQuorumDevice(Optional<QuorumDevice> device, boolean checkOnly) throws ApiException;

    /** Serves {@code cluster} as its witness, with its witness key; starts the witness if needed. */
    String serveCluster(String cluster, byte[] witnessKey) throws ApiException;

    /** Stops serving {@code cluster}. */
    String forgetCluster(String cluster) throws ApiException;

    /** The witness's status lines ({@code pcs qdevice status net --full}). */
    List<String> witnessStatus();

    /** Refuses everything with 501 (an API without a pacerd behind it, in tests). */
    static QuorumDeviceAdmin unavailable() {
        return new QuorumDeviceAdmin() {
            @Override public String useQuorumDevice(Optional<QuorumDevice> device, boolean checkOnly) throws ApiException {
                throw new ApiException(501, "NOT_IMPLEMENTED", "this API has no pacerd node behind it");
            }

            @Override public String serveCluster(String cluster, byte[] witnessKey) throws ApiException {
                throw new ApiException(501, "NOT_IMPLEMENTED", "this API has no quorum witness behind it");
            }

            @Override public String forgetCluster(String cluster) throws ApiException {
                throw new ApiException(501, "NOT_IMPLEMENTED", "this API has no quorum witness behind it");
            }

            @Override public List<String> witnessStatus() {
                return List.of("QNetd: not available here");
            }
        };
    }
}
