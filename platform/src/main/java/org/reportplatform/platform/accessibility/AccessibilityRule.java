package org.reportplatform.platform.accessibility;

/** What an author can get wrong in a chapter or a translation, for readers using assistive technologies. */
public enum AccessibilityRule {
    /** An image whose alternative text is empty: a screen reader says only "image". */
    IMAGE_WITHOUT_ALT,
    /** A heading more than one level below the one before it (the chapter title is the page's level 1). */
    SKIPPED_HEADING_LEVEL,
    /** A heading without text: it appears empty in the page's outline. */
    EMPTY_HEADING,
    /** A link whose text says nothing out of its sentence ("ici", "click here"): screen readers list links alone. */
    VAGUE_LINK_TEXT,
    /** A table without a header row: its cells cannot be read with their column's name. */
    TABLE_WITHOUT_HEADER,
    /** Several words in capitals: hard to read, and some screen readers spell them out. */
    ALL_CAPITALS
}
