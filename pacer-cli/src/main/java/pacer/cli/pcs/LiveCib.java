package pacer.cli.pcs;

import pacer.cib.Cib;
import pacer.cib.CibParser;
import pacer.cib.xml.XmlElement;
import pacer.cib.xml.XmlSyntaxException;
import pacer.cib.xml.XmlWriter;
import pacer.cli.cluster.ControlClient;
import pacer.cli.cluster.ControlUnreachableException;

/**
 * The live cluster's CIB, through the local pacerd's control API: read it, and push the edited
 * copy back. The push carries the edit's new version, so a change made meanwhile by someone else
 * is never overwritten: the push is refused and the command reads and applies again.
 */
final class LiveCib implements CibLocation {
    private final ControlClient client;

    LiveCib(ControlClient client) { this.client = client; }

    @Override
    public Cib read() {
        try {
            ControlClient.Response r = client.get("/cib");
            if (r.status() != 200) throw new PcsFailure("pacerd refused to give the CIB: " + r.body().strip());
            return CibParser.parse(r.body(), "the live CIB");
        } catch (ControlUnreachableException e) {
            throw new PcsFailure(e.getMessage() + " (or use -f FILE to edit a CIB file offline)");
        } catch (XmlSyntaxException e) {
            throw new PcsFailure("pacerd sent a CIB that is not well-formed XML: " + e.getMessage());
        }
    }

    @Override
    public void write(XmlElement cib) {
        try {
            // Only the configuration: the status the DC records meanwhile must not be overwritten.
            ControlClient.Response r = client.post("/cib?scope=configuration", XmlWriter.write(cib));
            if (r.status() == 409) throw new StaleCibException(r.body().strip());
            if (r.status() != 200) throw new PcsFailure("the cluster refused the change: " + r.body().strip());
        } catch (ControlUnreachableException e) {
            throw new PcsFailure(e.getMessage());
        }
    }
}
