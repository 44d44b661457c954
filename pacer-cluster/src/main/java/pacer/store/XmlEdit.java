package pacer.store;

import pacer.cib.xml.XmlElement;

/**
 * An operation that needs only the CIB's XML, not its parsed form: what a
 * {@link CibOperation.Batch} chains without re-parsing between steps. Pure.
 */
interface XmlEdit {
    /** The whole {@code <cib>} after this edit; may throw {@link CibWriteRejected}. */
    XmlElement edit(XmlElement cib);
}
