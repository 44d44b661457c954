package pacer.cli.pcs;

import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;

/** Where a pcs command's CIB lives: a file ({@code -f}) or the live cluster (the local pacerd). */
interface CibLocation {
    /** @throws PcsFailure naming the place when the CIB cannot be read */
    Cib read();

    /**
     * Writes the edited CIB back.
     *
     * @throws StaleCibException when the live cluster changed since {@link #read} (try again)
     * @throws PcsFailure naming the place when it cannot be written
     */
    void write(XmlElement cib);
}
