package pacer.cib.xml;

/** Malformed XML: names the source, the line and the column, and what the parser expected. */
public final class XmlSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;
    private final int column;

    public XmlSyntaxException(String source, int line, int column, String reason) {
        super(source + (line > 0 ? ":" + line + ":" + column : "") + ": malformed XML: " + reason
                + " (fix the XML and try again; nothing was changed)");
        this.source = source;
        this.line = line;
        this.column = column;
    }

    public String source() { return source; }
    public int line() { return line; }
    public int column() { return column; }
}
