package org.reportplatform.render.rendering;

import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDObjectReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every link of the tagged PDF described in words (PDF/UA-1, 7.18.5: a link annotation has a
 * {@code Contents}). openhtmltopdf tags an {@code <a>} as a Link structure element whose alternate
 * description is the element's {@code title}, and leaves the annotation without one: so each
 * {@code <a>} gets its text as title before layout ({@link #titleLinks}), and each annotation the
 * description of its Link element after it ({@link #describeAnnotations}).
 */
final class LinkDescriptions {

    private LinkDescriptions() {
    }

    /** Gives each {@code <a href>} without a title its text (whitespace collapsed) as title. */
    static void titleLinks(Document dom) {
        NodeList links = dom.getElementsByTagName("a");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            String text = link.getTextContent().strip().replaceAll("\\s+", " ");
            if (link.hasAttribute("href") && !link.hasAttribute("title") && !text.isEmpty()) {
                link.setAttribute("title", text);
            }
        }
    }

    /** Copies each Link structure element's alternate description to its annotations' {@code Contents}. */
    static void describeAnnotations(PDDocument document) {
        PDStructureTreeRoot root = document.getDocumentCatalog().getStructureTreeRoot();
        if (root != null) {
            describe(root.getKids(), null);
        }
    }

    private static void describe(List<Object> kids, String description) {
        for (Object kid : kids) {
            if (kid instanceof PDStructureElement element) {
                String own = "Link".equals(element.getStructureType()) ? element.getAlternateDescription() : null;
                describe(element.getKids(), own != null ? own : description);
            } else if (kid instanceof PDObjectReference reference && description != null
                    && reference.getReferencedObject() instanceof PDAnnotation annotation && annotation.getContents() == null) {
                annotation.setContents(description);
            } else if (kid instanceof PDStructureNode node) {
                describe(node.getKids(), description);
            }
        }
    }
}
