package org.reportplatform.gateway.studio.figures;

/**
 * One row of a conflict screen: a field, the value someone else saved meanwhile, and the person's.
 *
 * @param field the form's field name
 * @param label its French label
 * @param theirs the value now saved
 * @param yours  the value the person typed
 */
public record FieldDifference(String field, String label, String theirs, String yours) {
}
