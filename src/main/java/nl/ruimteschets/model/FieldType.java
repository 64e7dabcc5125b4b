package nl.ruimteschets.model;

/** Attribute types that every supported format can carry. */
public enum FieldType {
    TEXT, INTEGER, REAL, BOOLEAN, DATE;

    /** The type that holds values of both this and {@code other} without loss of text. */
    public FieldType widen(FieldType other) {
        if (this == other) return this;
        if ((this == INTEGER && other == REAL) || (this == REAL && other == INTEGER)) return REAL;
        return TEXT;
    }
}
