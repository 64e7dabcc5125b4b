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

    /** Replaces the candidate with the same id; returns the one replaced. */
    public Candidate replace(Candidate c) {
        for (int i = 0; i < candidates.size(); i++) {
            if (candidates.get(i).id().equals(c.id())) return candidates.set(i, c);
        }
        throw new IllegalArgumentException("no candidate " + c.id() + " in scenario " + name);
    }
}
