package nl.ruimteschets.model;

import java.util.Objects;

/** One attribute column of a layer. */
public record Field(String name, FieldType type) {
    public Field {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
    }
}
