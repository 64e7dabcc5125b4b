package nl.ruimteschets.io.postgis;

import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.Change;

/**
 * Changes a colleague made, as they arrive from the database: they set the model to the stored state
 * whatever this client holds (add, replace or remove), are applied without undo, and tell the store which
 * version this client now shows. Immutable values.
 */
public final class RemoteChanges {
    private RemoteChanges() { }

    /** Called once the model shows a stored version (so later writes check against it). */
    /** A colleague's change as this window applies it; all of them share one description. */
    interface Remote extends Change {
        @Override
        default String descriptionKey() { return "change.remote"; }
    }

    interface Seen {
        void seen(String scenario, String candidateId, long version);
    }

    /** The stored state of one candidate; {@code candidate} null when it was removed. */
    public record PutCandidate(String scenario, String candidateId, Candidate candidate, long version, String author, Seen seen)
            implements Remote {
        @Override
        public Change apply(Project p) {
            Scenario s = p.scenario(scenario).orElse(null);
            if (s == null) {
                if (candidate == null) return this;
                s = new Scenario(scenario, "");
                p.scenarios().add(s);
            }
            int i = s.indexOf(candidateId);
            if (candidate == null) {
                if (i >= 0) s.remove(candidateId);
            } else if (i >= 0) {
                s.replace(candidate);
            } else {
                s.add(candidate);
            }
            seen.seen(scenario, candidateId, candidate == null ? -1 : version);
            return this;
        }
    }

    /** The stored state of one workshop note; {@code annotation} null when it was removed. */
    record PutAnnotation(String scenario, String annotationId, nl.ruimteschets.model.Annotation annotation) implements Remote {
        @Override
        public Change apply(Project p) {
            p.scenario(scenario).ifPresent(s -> {
                int i = s.annotationIndex(annotationId);
                if (annotation == null) {
                    if (i >= 0) s.removeAnnotation(annotationId);
                } else if (i >= 0) {
                    s.replaceAnnotation(annotation);
                } else {
                    s.addAnnotation(annotation, -1);
                }
            });
            return this;
        }
    }

    /** A scenario a colleague added (its candidates come as {@link PutCandidate}s). */
    record PutScenario(String name, String description) implements Remote {
        @Override
        public Change apply(Project p) {
            if (p.scenario(name).isEmpty()) p.scenarios().add(new Scenario(name, description));
            return this;
        }
    }

    /** A scenario a colleague removed. */
    record DropScenario(String name) implements Remote {
        @Override
        public Change apply(Project p) {
            p.scenarios().removeIf(s -> s.name().equals(name));
            return this;
        }
    }

    /** A scenario a colleague renamed. */
    record RenameScenario(String from, String to) implements Remote {
        @Override
        public Change apply(Project p) {
            if (p.scenario(to).isEmpty()) p.scenario(from).ifPresent(s -> s.rename(to));
            return this;
        }
    }

    /** A change a colleague made to the layers, applied only when it still fits this client's model. */
    record Tolerant(Change change) implements Remote {
        @Override
        public Change apply(Project p) {
            try {
                change.apply(p);
            } catch (IllegalStateException e) {
                // already in that state (the layer is there, or gone)
            }
            return this;
        }
    }

    /** Nothing in the model changed, but the screen should redraw (a workshop participant joined with a colour). */
    record Redraw() implements Remote {
        @Override
        public Change apply(Project p) { return this; }
    }

    /** A colleague gave a layer another role or field mapping. */
    record SetRole(String layer, nl.ruimteschets.model.LayerRole role, java.util.Map<String, String> mapping) implements Remote {
        @Override
        public Change apply(Project p) {
            p.layer(layer).ifPresent(l -> p.putLayer(l.withRole(role, mapping)));
            return this;
        }
    }
}
