package nl.ruimteschets.model.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.locationtech.jts.io.WKTReader;

/** Every change type: apply → inverse → apply gives back the same states. */
class ChangesTest {
    static Candidate cand(String id, String wkt) {
        try {
            return new Candidate(id, "Kandidaat " + id, CandidateKind.EXPANSION, "Chemelot", new WKTReader().read(wkt),
                    0, "Datacenter", null, "");
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    static final Candidate A = cand("a", "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))");
    static final Candidate B = cand("b", "POLYGON((200 0, 300 0, 300 100, 200 100, 200 0))");

    static Project project() {
        Project p = new Project();
        Scenario s = new Scenario("Basis", "");
        s.add(A);
        s.add(B);
        p.scenarios().add(s);
        p.scenarios().add(new Scenario("Variant", ""));
        return p;
    }

    /** What a user can see of a project's scenarios: names and candidates, in order. */
    static String state(Project p) {
        StringBuilder sb = new StringBuilder();
        for (Scenario s : p.scenarios()) {
            sb.append(s.name()).append(':');
            for (Candidate c : s.candidates()) sb.append(c.id()).append('=').append(c.name()).append('@')
                    .append(c.geometry().toText()).append(';');
            sb.append('|');
        }
        return sb.toString();
    }

    static Stream<Change> changes() {
        return Stream.of(
                new CandidateChanges.Add("Basis", cand("c", "POINT(5 5)"), 1),
                new CandidateChanges.Remove("Basis", "a"),
                new CandidateChanges.Replace("Basis", A.withGeometry(B.geometry()), "change.candidate.geometry"),
                new CandidateChanges.Replace("Basis", A.withName("Nieuwe naam"), "change.candidate.property"),
                new ScenarioChanges.Add(ScenarioChanges.copy(project().scenarios().get(0), "Kopie"), -1),
                new ScenarioChanges.Remove("Basis"),
                new ScenarioChanges.Rename("Variant", "Variant 2"),
                new ChangeSet("change.many", List.of(new CandidateChanges.Remove("Basis", "b"),
                        new ScenarioChanges.Rename("Basis", "Basis 2"))));
    }

    @ParameterizedTest
    @MethodSource("changes")
    void applyInverseApplyRoundTrips(Change change) {
        Project p = project();
        String before = state(p);
        Change inverse = change.apply(p);
        String after = state(p);
        assertFalse(before.equals(after), "the change changes something");
        Change again = inverse.apply(p);
        assertEquals(before, state(p), "the inverse restores the state");
        again.apply(p);
        assertEquals(after, state(p), "the inverse of the inverse redoes it");
    }

    @Test
    void aFailingChangeSetRollsBackWhatItHadDone() {
        Project p = project();
        String before = state(p);
        ChangeSet bad = new ChangeSet("x", List.of(new CandidateChanges.Remove("Basis", "a"),
                new CandidateChanges.Remove("Basis", "bestaat-niet")));
        assertThrows(IllegalStateException.class, () -> bad.apply(p));
        assertEquals(before, state(p));
    }

    @Test
    void undoAndRedoWalkTheHistoryAndANewChangeClearsRedo() {
        Project p = project();
        int[] heard = {0};
        UndoHistory h = new UndoHistory(p, c -> heard[0]++);
        String s0 = state(p);
        h.perform(new CandidateChanges.Add("Basis", cand("c", "POINT(5 5)"), -1));
        String s1 = state(p);
        h.perform(new CandidateChanges.Replace("Basis", A.withName("X"), "change.candidate.property"));
        assertEquals("change.candidate.property", h.undoDescriptionKey());
        h.undo();
        assertEquals(s1, state(p));
        h.undo();
        assertEquals(s0, state(p));
        assertFalse(h.canUndo());
        assertEquals("change.candidate.add", h.redoDescriptionKey());
        h.redo();
        assertEquals(s1, state(p));
        h.perform(new ScenarioChanges.Rename("Variant", "V"));
        assertFalse(h.canRedo());
        assertEquals(6, heard[0], "listeners hear every perform, undo and redo");
        assertEquals(6, h.revision());
    }

    @Test
    void addingAnExistingIdIsRefusedAndChangesNothing() {
        Project p = project();
        String before = state(p);
        Function<Project, Change> dup = q -> new CandidateChanges.Add("Basis", A, -1).apply(q);
        assertThrows(IllegalStateException.class, () -> dup.apply(p));
        assertEquals(before, state(p));
    }
}
