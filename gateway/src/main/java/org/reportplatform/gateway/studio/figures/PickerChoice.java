package org.reportplatform.gateway.studio.figures;

/**
 * One choice of the chapter editor's picker: the reference it inserts ({@code {{fig:ID}}} or
 * {@code {{chart:ID}}}) and what its button says.
 */
public record PickerChoice(String reference, String text) {
}
