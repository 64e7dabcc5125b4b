package nl.ruimteschets.model;

import java.util.Objects;

/**
 * A numbered workshop note pinned on the map of one scenario: a text at a point (RD metres), and
 * optionally an arrow from that point to another one. The number is what the room reads on the map
 * and in the report's list. Immutable value.
 *
 * @param id stable identity for undo and saving (numbers can repeat after deletes and re-adds)
 * @param arrowX the arrow's tip, or null for a note without an arrow (with {@code arrowY})
 */
public record Annotation(String id, int number, String text, double x, double y, Double arrowX, Double arrowY) {
    public Annotation {
        Objects.requireNonNull(id);
        text = text == null ? "" : text;
        if (number < 1) throw new IllegalArgumentException("annotation number must be 1 or more: " + number);
        if (!Double.isFinite(x) || !Double.isFinite(y)) throw new IllegalArgumentException("annotation point not finite");
        if ((arrowX == null) != (arrowY == null)) throw new IllegalArgumentException("an arrow needs both x and y");
        if (arrowX != null && (!Double.isFinite(arrowX) || !Double.isFinite(arrowY))) {
            throw new IllegalArgumentException("arrow tip not finite");
        }
    }

    /** A note without an arrow. */
    public Annotation(String id, int number, String text, double x, double y) {
        this(id, number, text, x, y, null, null);
    }

    public boolean hasArrow() { return arrowX != null; }

    public Annotation withText(String newText) { return new Annotation(id, number, newText, x, y, arrowX, arrowY); }

    public Annotation withArrow(Double tipX, Double tipY) { return new Annotation(id, number, text, x, y, tipX, tipY); }

    /** Moves the note and its arrow tip together. */
    public Annotation movedBy(double dx, double dy) {
        return new Annotation(id, number, text, x + dx, y + dy, arrowX == null ? null : arrowX + dx,
                arrowY == null ? null : arrowY + dy);
    }
}
