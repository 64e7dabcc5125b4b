package nl.ruimteschets.model.change;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import java.time.LocalTime;
import nl.ruimteschets.model.Annotation;
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

    static final Annotation NOTE = new Annotation("n1", 1, "Hier een buffer?", 50, 50, 150.0, 50.0);

    static Project project() {
        Project p = new Project();
        Scenario s = new Scenario("Basis", "");
        s.add(A);
        s.add(B);
        s.addAnnotation(NOTE, -1);
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
            for (Annotation a : s.annotations()) sb.append('#').append(a).append(';');
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
                new AnnotationChanges.Add("Variant", new Annotation("n2", 1, "Ontsluiting", 10, 20), -1),
                new AnnotationChanges.Add("Basis", new Annotation("n3", 2, "Tweede", 10, 20), 0),
                new AnnotationChanges.Remove("Basis", "n1"),
                new AnnotationChanges.Replace("Basis", NOTE.withText("Andere tekst").withArrow(null, null)),
                new AnnotationChanges.Replace("Basis", NOTE.movedBy(25, -5)),
                ScenarioChanges.snapshot(project(), project().scenarios().get(0), "{0} – stand {1}", LocalTime.of(14, 32)),
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

    @Test
    void aSnapshotIsACopyNamedWithTheTimeThatDoesNotFollowLaterEdits() {
        Project p = project();
        UndoHistory h = new UndoHistory(p, c -> { });
        h.perform(ScenarioChanges.snapshot(p, p.scenarios().get(0), "{0} – stand {1}", LocalTime.of(14, 32)));
        h.perform(ScenarioChanges.snapshot(p, p.scenarios().get(0), "{0} – stand {1}", LocalTime.of(14, 32, 40)));
        assertEquals(List.of("Basis", "Variant", "Basis – stand 14:32", "Basis – stand 14:32 (2)"),
                p.scenarios().stream().map(Scenario::name).toList());
        Scenario snap = p.scenario("Basis – stand 14:32").orElseThrow();
        assertEquals(List.of(NOTE), snap.annotations(), "the notes are part of the state");
        h.perform(new CandidateChanges.Remove("Basis", "a"));
        h.perform(new AnnotationChanges.Remove("Basis", "n1"));
        assertEquals(2, snap.candidates().size(), "later edits of the scenario leave the snapshot as it was");
        assertEquals(1, snap.annotations().size());
        h.undo();
        h.undo();
        h.undo();
        assertTrue(p.scenario("Basis – stand 14:32 (2)").isEmpty(), "a snapshot is undone like any edit");
    }

    @Test
    void annotationsAreNumberedOnAndNeverBelowOne() {
        Scenario s = project().scenarios().get(0);
        assertEquals(2, s.nextAnnotationNumber());
        assertEquals(1, new Scenario("leeg", "").nextAnnotationNumber());
        assertThrows(IllegalArgumentException.class, () -> new Annotation("x", 0, "", 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new Annotation("x", 1, "", 0, 0, 1.0, null));
    }
}
