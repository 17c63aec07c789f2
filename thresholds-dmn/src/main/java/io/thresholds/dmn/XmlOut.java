package io.thresholds.dmn;

import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A thin, indenting wrapper over the JDK's {@link XMLStreamWriter} (which escapes text and
 * attribute values). Writing to a string cannot fail, so {@link XMLStreamException} becomes an
 * {@link IllegalStateException}.
 */
final class XmlOut {
  private static final String INDENT = "  ";
  private final StringWriter text = new StringWriter(64 * 1024);
  private final XMLStreamWriter out;
  private int depth;
  private boolean childWritten;

  XmlOut() {
    try {
      out = XMLOutputFactory.newFactory().createXMLStreamWriter(text);
      out.writeStartDocument("UTF-8", "1.0");
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Opens an element in the default namespace (or a prefixed one, {@code "dmndi:DMNShape"}).
   *
   * @param name the qualified name
   * @param attributes name, value pairs; a null value leaves the attribute out
   * @return this
   */
  XmlOut start(String name, String... attributes) {
    try {
      newLine();
      out.writeStartElement(name);
      attributes(attributes);
      depth++;
      childWritten = false;
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes an element without content.
   *
   * @param name the qualified name
   * @param attributes name, value pairs
   * @return this
   */
  XmlOut empty(String name, String... attributes) {
    try {
      newLine();
      out.writeEmptyElement(name);
      attributes(attributes);
      childWritten = true;
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes {@code <name attributes>text</name>} on one line.
   *
   * @param name the qualified name
   * @param content the text
   * @param attributes name, value pairs
   * @return this
   */
  XmlOut element(String name, String content, String... attributes) {
    try {
      newLine();
      out.writeStartElement(name);
      attributes(attributes);
      out.writeCharacters(content);
      out.writeEndElement();
      childWritten = true;
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Closes the innermost open element.
   *
   * @return this
   */
  XmlOut end() {
    try {
      depth--;
      if (childWritten) {
        newLine();
      }
      out.writeEndElement();
      childWritten = true;
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Declares a namespace on the element just opened.
   *
   * @param prefix the prefix, or "" for the default namespace
   * @param uri the namespace
   * @return this
   */
  XmlOut namespace(String prefix, String uri) {
    try {
      if (prefix.isEmpty()) {
        out.writeDefaultNamespace(uri);
      } else {
        out.writeNamespace(prefix, uri);
      }
      return this;
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @return the document */
  String finish() {
    try {
      if (depth != 0) {
        throw new IllegalStateException("unclosed elements: " + depth);
      }
      out.writeCharacters("\n");
      out.writeEndDocument();
      out.close();
      return text.toString();
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
  }

  private void attributes(String... nameValues) throws XMLStreamException {
    if (nameValues.length % 2 != 0) {
      throw new IllegalArgumentException("attributes come in name, value pairs");
    }
    for (int i = 0; i < nameValues.length; i += 2) {
      if (nameValues[i + 1] != null) {
        out.writeAttribute(nameValues[i], nameValues[i + 1]);
      }
    }
  }

  private void newLine() throws XMLStreamException {
    out.writeCharacters("\n" + INDENT.repeat(depth));
  }
}
