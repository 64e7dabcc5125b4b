package nl.ruimteschets.analysis.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.CandidateChanges;
import nl.ruimteschets.model.change.Change;
import nl.ruimteschets.model.change.ChangeSet;
import nl.ruimteschets.model.change.ScenarioChanges;

/**
 * Turns ranked locations into candidates of a scenario as one undoable change (the scenario is created
 * when missing), so a found location is edited, compared and presented like a drawn one. Stateless.
 */
public final class LocationChanges {
    private LocationChanges() { }

    /** Description key of the change (ui bundle). */
    public static final String DESCRIPTION_KEY = "change.search.add";

    /**
     * The change adding these locations to the scenario, each with a fresh id and a name not yet used
     * there ({@code baseName} + number for free positions, the plot's name for plots).
     */
    public static Change add(Project p, String scenario, List<RankedLocation> locations, String baseName) {
        List<Change> changes = new ArrayList<>();
        Scenario s = p.scenario(scenario).orElse(null);
        Set<String> names = new HashSet<>();
        Set<String> ids = new HashSet<>();
        if (s == null) {
            changes.add(new ScenarioChanges.Add(new Scenario(scenario, ""), -1));
        } else {
            for (Candidate c : s.candidates()) {
                names.add(c.name());
                ids.add(c.id());
            }
        }
        long stamp = System.nanoTime();
        int n = 1;
        for (RankedLocation l : locations) {
            Candidate c = l.candidate();
            String name = l.plotName();
            if (name == null || names.contains(name)) {
                while (names.contains(baseName + " " + n)) n++;
                name = baseName + " " + n;
            }
            names.add(name);
            String id;
            do {
                id = "z" + Long.toString(stamp++, 36);
            } while (ids.contains(id));
            ids.add(id);
            changes.add(new CandidateChanges.Add(scenario, new Candidate(id, name, c.kind(), c.parentCluster(), c.geometry(),
                    c.pointAreaHa(), c.profileName(), c.overrides(), c.notes()), -1));
        }
        return new ChangeSet(DESCRIPTION_KEY, changes);
    }
}
