package nl.ruimteschets.model.change;

import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;

/** The changes to a scenario's candidates: add, remove, and replace (geometry or any property). */
public final class CandidateChanges {
    private CandidateChanges() { }

    static Scenario find(Project p, String name) {
        return p.scenario(name).orElseThrow(() -> new IllegalStateException("no scenario " + name));
    }

    /** Adds a candidate at a position in the scenario's list (-1: at the end). */
    public record Add(String scenario, Candidate candidate, int index) implements Change {
        @Override
        public Change apply(Project p) {
            Scenario s = find(p, scenario);
            if (s.candidates().stream().anyMatch(c -> c.id().equals(candidate.id()))) {
                throw new IllegalStateException("candidate " + candidate.id() + " already in " + scenario);
            }
            s.add(candidate, index);
            return new Remove(scenario, candidate.id());
        }

        @Override
        public String descriptionKey() { return "change.candidate.add"; }
    }

    public record Remove(String scenario, String candidateId) implements Change {
        @Override
        public Change apply(Project p) {
            Scenario s = find(p, scenario);
            int index = s.indexOf(candidateId);
            if (index < 0) throw new IllegalStateException("no candidate " + candidateId + " in " + scenario);
            Candidate removed = s.candidates().get(index);
            s.remove(candidateId);
            return new Add(scenario, removed, index);
        }

        @Override
        public String descriptionKey() { return "change.candidate.remove"; }
    }

    /** Replaces a candidate by a new version with the same id: a moved vertex, a new name, profile, … */
    public record Replace(String scenario, Candidate candidate, String descriptionKey) implements Change {
        @Override
        public Change apply(Project p) {
            Candidate old = find(p, scenario).replace(candidate);
            return new Replace(scenario, old, descriptionKey);
        }
    }
}
