/**
 * The only code in Pacer that sees raw XML: an immutable element tree with line numbers
 * ({@link pacer.cib.xml.XmlElement}), a safe reader and a writer.
 *
 * <p>The typed CIB model is parsed from these trees and keeps them, so that unknown elements and
 * attributes survive a round trip. No I/O happens here: callers pass and receive strings.
 */
package pacer.cib.xml;
