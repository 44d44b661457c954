package pacer.store;

import pacer.cib.Cib;
import pacer.cib.xml.XmlElement;

/**
 * One change to the CIB, as a function from the current CIB to the new whole {@code <cib>} XML.
 * {@link CibStore} runs it on the CIB thread against the latest copy, validates the result, stamps
 * the version and persists it; the function itself must be pure (no I/O, no clock) and may refuse
 * by throwing {@link CibWriteRejected} with the reasons.
 *
 * <p>Version attributes in the returned XML are ignored: the store sets them. Only a
 * {@link CibOperation.Replace} carries its own version. A function is local to one JVM; writes
 * that travel to the DC are {@link CibOperation}s, which are data.
 */
@FunctionalInterface
public interface CibWrite {
    XmlElement apply(Cib current);

    /** A short description for logs, e.g. "put primitive rsc1 under configuration/resources". */
    default String describe() { return "edit"; }
}
