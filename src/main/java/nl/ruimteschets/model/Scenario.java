package nl.ruimteschets.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A named set of candidates. Mutable: only the owner of the project (the FX thread or the CLI) changes it;
 * background work reads {@link #candidates()} copies.
 */
public final class Scenario {
    private String name;
    private String description;
    private final List<Candidate> candidates = new ArrayList<>();
    /** Workshop notes pinned on this scenario's map, in the order they were placed. */
    private final List<Annotation> annotations = new ArrayList<>();

    public Scenario(String name, String description) {
        this.name = Objects.requireNonNull(name);
        this.description = description == null ? "" : description;
    }

    public String name() { return name; }
    public void rename(String newName) { this.name = Objects.requireNonNull(newName); }
    public String description() { return description; }
    public void setDescription(String d) { this.description = d == null ? "" : d; }

    /** A snapshot copy; safe to hand to another thread. */
    public List<Candidate> candidates() { return List.copyOf(candidates); }

    public void add(Candidate c) { candidates.add(c); }

    /** Inserts at a position (-1 or past the end: at the end). */
    public void add(Candidate c, int index) {
        candidates.add(index < 0 || index > candidates.size() ? candidates.size() : index, c);
    }

    /** Position of the candidate with this id, or -1. */
    public int indexOf(String candidateId) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).id().equals(candidateId)) return i;
        }
        return -1;
    }

    public void remove(String candidateId) { candidates.removeIf(c -> c.id().equals(candidateId)); }

    /** A snapshot copy of the workshop notes; safe to hand to another thread. */
    public List<Annotation> annotations() { return List.copyOf(annotations); }

    /** Inserts a note at a position (-1 or past the end: at the end). */
    public void addAnnotation(Annotation a, int index) {
        annotations.add(index < 0 || index > annotations.size() ? annotations.size() : index, a);
    }

    /** Position of the note with this id, or -1. */
    public int annotationIndex(String annotationId) {
        for (int i = 0; i < annotations.size(); i++) {
            if (annotations.get(i).id().equals(annotationId)) return i;
        }
        return -1;
    }

    public void removeAnnotation(String annotationId) { annotations.removeIf(a -> a.id().equals(annotationId)); }

    /** Replaces the note with the same id; returns the one replaced. */
    public Annotation replaceAnnotation(Annotation a) {
        int i = annotationIndex(a.id());
        if (i < 0) throw new IllegalArgumentException("no annotation " + a.id() + " in scenario " + name);
        return annotations.set(i, a);
    }

    /** The number the next note gets: one more than the highest in use. */
    public int nextAnnotationNumber() {
        return annotations.stream().mapToInt(Annotation::number).max().orElse(0) + 1;
    }

    /** Replaces the candidate with the same id; returns the one replaced. */
    public Candidate replace(Candidate c) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).id().equals(c.id())) return candidates.set(i, c);
        }
        throw new IllegalArgumentException("no candidate " + c.id() + " in scenario " + name);
    }
}
