package org.reportplatform.gateway.studio.figures;

/** A figure an import changed, as the success page lists it: its label for people, its id for the link. */
public record ImportedFigure(String id, String label) {
}
