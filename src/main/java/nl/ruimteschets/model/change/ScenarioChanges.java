package nl.ruimteschets.model.change;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import nl.ruimteschets.model.Annotation;
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

    /** A deep enough copy: candidates and notes are immutable, so the lists are what must not be shared. */
    public static Scenario copy(Scenario s, String name) {
        Scenario c = new Scenario(name, s.description());
        for (Candidate cand : s.candidates()) c.add(cand);
        for (Annotation a : s.annotations()) c.addAnnotation(a, -1);
        return c;
    }

    /**
     * "Bewaar stand": the change that saves a copy of a scenario as it is now, under a name made from
     * {@code pattern} (a {@link java.text.MessageFormat} pattern taking the scenario's name and the time, e.g.
     * "{0} – stand {1}" gives "Voorbeeld – stand 14:32"); " (2)", " (3)", … is added when that name exists,
     * so a room can take several snapshots within a minute.
     */
    public static Add snapshot(Project p, Scenario s, String pattern, LocalTime time) {
        String base = java.text.MessageFormat.format(pattern, s.name(), time.format(DateTimeFormatter.ofPattern("HH:mm")));
        String name = base;
        for (int n = 2; p.scenario(name).isPresent(); n++) name = base + " (" + n + ")";
        return new Add(copy(s, name), -1);
    }
}
