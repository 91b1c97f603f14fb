package jp.mamori.questionbank;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * A small read-only XML tree whose elements remember their line, so problems can be located as {@code file:line}.
 * QTI 3.0 names are read in the QTI 2.1 form (see {@link QtiVersion#camel}), so one reader serves both versions.
 * DTDs and external entities are refused: a file cannot make the reader fetch or read anything else.
 */
final class XmlTree {

    private XmlTree() {
    }

    /** One element: namespace, (normalised) local name, attributes, children (elements and text) and line. */
    static final class Element {
        final String namespace;
        final String name;
        final Map<String, String> attributes = new LinkedHashMap<>();
        final List<Object> children = new ArrayList<>();
        final int line;
        final Element parent;

        Element(String namespace, String name, int line, Element parent) {
            this.namespace = namespace == null ? "" : namespace;
            this.name = name;
            this.line = line;
            this.parent = parent;
        }

        String attribute(String name) {
            return attributes.getOrDefault(name, "");
        }

        Stream<Element> elements() {
            return children.stream().filter(Element.class::isInstance).map(Element.class::cast);
        }

        Stream<Element> elements(String name) {
            return elements().filter(e -> e.name.equals(name));
        }

        Optional<Element> first(String name) {
            return elements(name).findFirst();
        }

        /** This element and all below it, depth first. */
        Stream<Element> descendants() {
            return Stream.concat(Stream.of(this), elements().flatMap(Element::descendants));
        }

        /** The element's text with surrounding white space removed (for values such as identifiers). */
        String text() {
            StringBuilder out = new StringBuilder();
            children.forEach(c -> out.append(c instanceof Element e ? e.text() : c));
            return out.toString().strip();
        }

        /** The language in force here: the nearest {@code xml:lang}, or empty. */
        String language() {
            for (Element e = this; e != null; e = e.parent) {
                String lang = e.attributes.get("xml:lang");
                if (lang != null && !lang.isBlank()) {
                    return lang;
                }
            }
            return "";
        }
    }

    /** The document's root, or empty with a problem naming the line when the bytes are not well-formed XML. */
    static Optional<Element> parse(String file, byte[] xml, List<Problem> problems) {
        try {
            XMLStreamReader reader = factory().createXMLStreamReader(new ByteArrayInputStream(xml));
            Element current = null;
            Element root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String namespace = reader.getNamespaceURI();
                    boolean qti3 = QtiVersion.V3P0.namespace().equals(namespace);
                    String local = reader.getLocalName();
                    Element element = new Element(namespace, qti3 && local.startsWith("qti-") ? QtiVersion.camel(local) : local,
                            reader.getLocation().getLineNumber(), current);
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        String prefix = XMLConstants.XML_NS_URI.equals(reader.getAttributeNamespace(i)) ? "xml:" : "";
                        String name = reader.getAttributeLocalName(i);
                        element.attributes.put(prefix + (qti3 && prefix.isEmpty() ? QtiVersion.camel(name) : name),
                                reader.getAttributeValue(i));
                    }
                    if (current == null) {
                        root = element;
                    } else {
                        current.children.add(element);
                    }
                    current = element;
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    if (current != null) {
                        current.children.add(reader.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && current != null) {
                    current = current.parent;
                }
            }
            if (root == null) {
                problems.add(new Problem(file, 1, "the file has no XML element"));
            }
            return Optional.ofNullable(root);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            problems.add(new Problem(file, line, "not well-formed XML: "
                    + String.valueOf(e.getMessage()).replaceAll("(?s)^ParseError.*?Message: ", "").strip()));
            return Optional.empty();
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return factory;
    }
}
