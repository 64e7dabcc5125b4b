package nl.ruimteschets.model.change;

import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;

/** The changes to the project's list of scenarios: add (new or duplicate), remove, rename. */
public final class ScenarioChanges {
    private ScenarioChanges() { }

    /** Adds a scenario holding the given scenario's candidates (an empty one for a new scenario). */
    public record Add(Scenario scenario, int index) implements Change {
        @Override
        public Change apply(Project p) {
            if (p.scenario(scenario.name()).isPresent()) {
                throw new IllegalStateException("scenario " + scenario.name() + " exists");
            }
            Scenario copy = copy(scenario, scenario.name());
            p.scenarios().add(index < 0 ? p.scenarios().size() : index, copy);
            return new Remove(scenario.name());
        }

        @Override
        public String descriptionKey() { return "change.scenario.add"; }
    }

    public record Remove(String name) implements Change {
        @Override
        public Change apply(Project p) {
            Scenario s = CandidateChanges.find(p, name);
            int index = p.scenarios().indexOf(s);
            p.scenarios().remove(index);
            return new Add(s, index);
        }

        @Override
        public String descriptionKey() { return "change.scenario.remove"; }
    }

    public record Rename(String from, String to) implements Change {
        @Override
        public Change apply(Project p) {
            if (p.scenario(to).isPresent()) throw new IllegalStateException("scenario " + to + " exists");
            CandidateChanges.find(p, from).rename(to);
            return new Rename(to, from);
        }

        @Override
        public String descriptionKey() { return "change.scenario.rename"; }
    }

    /** A deep enough copy: candidates are immutable, so the list is what must not be shared. */
    public static Scenario copy(Scenario s, String name) {
        Scenario c = new Scenario(name, s.description());
        for (Candidate cand : s.candidates()) c.add(cand);
        return c;
    }
}
