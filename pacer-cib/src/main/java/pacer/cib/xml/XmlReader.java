package pacer.cib.xml;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Parses XML text into an {@link XmlElement} tree, keeping line numbers. External entities and
 * DTDs are refused (a CIB never needs them, and they are an injection vector).
 */
public final class XmlReader {
    private XmlReader() {}

    /**
     * @param source a name for the input used in error messages (a file name, "stdin")
     * @throws XmlSyntaxException with the line and column of the first error
     */
    public static XmlElement parse(String xml, String source) {
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Builder builder = new Builder();
            factory.newSAXParser().parse(new InputSource(new StringReader(xml)), builder);
            if (builder.root == null) {
                throw new XmlSyntaxException(source, 1, 1, "the document has no root element");
            }
            return builder.root;
        } catch (SAXParseException e) {
            throw new XmlSyntaxException(source, e.getLineNumber(), e.getColumnNumber(), e.getMessage());
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new XmlSyntaxException(source, 0, 0, e.getMessage());
        }
    }

    private static final class Builder extends DefaultHandler {
        private final Deque<Frame> stack = new ArrayDeque<>();
        private Locator locator;
        XmlElement root;

        private record Frame(String name, Map<String, String> attrs, List<XmlElement> children, StringBuilder text, int line) {}

        @Override public void setDocumentLocator(Locator locator) { this.locator = locator; }

        @Override public void startElement(String uri, String localName, String qName, Attributes atts) {
            Map<String, String> attrs = new LinkedHashMap<>();
            for (int i = 0; i < atts.getLength(); i++) attrs.put(atts.getQName(i), atts.getValue(i));
            stack.push(new Frame(qName, attrs, new ArrayList<>(), new StringBuilder(),
                    locator == null ? 0 : locator.getLineNumber()));
        }

        @Override public void characters(char[] ch, int start, int length) {
            if (!stack.isEmpty()) stack.peek().text.append(ch, start, length);
        }

        @Override public void endElement(String uri, String localName, String qName) {
            Frame f = stack.pop();
            XmlElement e = new XmlElement(f.name, f.attrs, f.children, f.text.toString().strip(), f.line);
            if (stack.isEmpty()) root = e; else stack.peek().children.add(e);
        }
    }
}
