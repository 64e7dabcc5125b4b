package nl.ruimteschets.model.change;

import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;

/** The changes to a scenario's workshop notes: pin one, remove one, and replace one (new text, moved, arrow). */
public final class AnnotationChanges {
    private AnnotationChanges() { }

    /** Pins a note at a position in the scenario's list (-1: at the end). */
    public record Add(String scenario, Annotation annotation, int index) implements Change {
        @Override
        public Change apply(Project p) {
            Scenario s = CandidateChanges.find(p, scenario);
            if (s.annotationIndex(annotation.id()) >= 0) {
                throw new IllegalStateException("annotation " + annotation.id() + " already in " + scenario);
            }
            s.addAnnotation(annotation, index);
            return new Remove(scenario, annotation.id());
        }

        @Override
        public String descriptionKey() { return "change.annotation.add"; }
    }

    public record Remove(String scenario, String annotationId) implements Change {
        @Override
        public Change apply(Project p) {
            Scenario s = CandidateChanges.find(p, scenario);
            int index = s.annotationIndex(annotationId);
            if (index < 0) throw new IllegalStateException("no annotation " + annotationId + " in " + scenario);
            Annotation removed = s.annotations().get(index);
            s.removeAnnotation(annotationId);
            return new Add(scenario, removed, index);
        }

        @Override
        public String descriptionKey() { return "change.annotation.remove"; }
    }

    /** Replaces a note by a new version with the same id. */
    public record Replace(String scenario, Annotation annotation) implements Change {
        @Override
        public Change apply(Project p) {
            Scenario s = CandidateChanges.find(p, scenario);
            if (s.annotationIndex(annotation.id()) < 0) {
                throw new IllegalStateException("no annotation " + annotation.id() + " in " + scenario);
            }
            return new Replace(scenario, s.replaceAnnotation(annotation));
        }

        @Override
        public String descriptionKey() { return "change.annotation.edit"; }
    }
}
