package nl.ruimteschets.ui;

import java.text.MessageFormat;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javafx.application.Platform;
import javafx.scene.control.TextInputDialog;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import nl.ruimteschets.io.postgis.PostgisStorage;
import nl.ruimteschets.model.Annotation;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Scenario;
import nl.ruimteschets.model.change.AnnotationChanges;
import nl.ruimteschets.model.change.ScenarioChanges;

/**
 * What a facilitator does during a workshop besides sketching: pinning numbered notes on the map
 * (tool A; each an undoable change of the current scenario) and "Bewaar stand" (Ctrl+B, also a
 * button in presentation mode), which saves the scenario as it is now as a new scenario named with
 * the time, so the room can go back to any earlier state. On a laptop, "Deelnemen aan workshop…" joins a
 * shared PostGIS project under a name and colour and puts this laptop on one of its scenarios; everyone's
 * candidates then show live, in their author's colour with the name, here and on the projector. "Workshop
 * verlaten" takes the colour off every screen again; "Mijn naam…" changes the planner's name.
 *
 * <p>FX thread only.
 */
final class WorkshopActions implements MapTools.NoteTaker {
    private final MainWindow window;

    WorkshopActions(MainWindow window) {
        this.window = window;
    }

    @Override
    public void place(double x, double y, Double tipX, Double tipY) {
        Scenario s = window.session().scenario().orElse(null);
        if (s == null) return;
        int number = s.nextAnnotationNumber();
        askText(number, "").ifPresent(t -> window.perform(new AnnotationChanges.Add(s.name(),
                new Annotation(UUID.randomUUID().toString(), number, t, x, y, tipX, tipY), -1),
                () -> window.status(MessageFormat.format(window.text("annotation.placed"), number))));
    }

    @Override
    public void edit(Annotation a) {
        String scenario = window.session().scenarioName();
        askText(a.number(), a.text()).ifPresent(t -> {
            if (t.equals(a.text())) return;
            window.perform(t.isEmpty() ? new AnnotationChanges.Remove(scenario, a.id())
                    : new AnnotationChanges.Replace(scenario, a.withText(t)), null);
        });
    }

    /** The note's text; empty (not absent) when the facilitator cleared it, absent when cancelled. */
    private Optional<String> askText(int number, String initial) {
        TextInputDialog d = new TextInputDialog(initial);
        d.initOwner(window.stage());
        d.setTitle(MessageFormat.format(window.text("annotation.title"), number));
        d.setHeaderText(window.text("annotation.prompt"));
        d.getEditor().setId("annotationText");
        d.getEditor().setPrefColumnCount(40);
        Optional<String> t = d.showAndWait().map(String::trim);
        return initial.isEmpty() ? t.filter(s -> !s.isEmpty()) : t;
    }

    /** Bestand → Deelnemen aan workshop…: address, name and colour; then the scenario to sketch on. */
    void join() {
        window.files().afterConfirmDiscard(() -> WorkshopJoin.ask(window.stage(), window.bundle()).ifPresent(a -> {
            PlannerName.remember(a.name());
            window.files().openLocation(a.url(), storage -> {
                    if (storage instanceof PostgisStorage pg) pg.join(a.name(), a.rgba());
                }, session -> {
                    List<String> names = session.project().scenarios().stream().map(Scenario::name).toList();
                    WorkshopJoin.pickScenario(window.stage(), window.bundle(), names, session.scenarioName())
                            .ifPresent(session::selectScenario);
                    window.notify(MessageFormat.format(window.text("join.done"), a.name(), session.scenarioName()));
                });
        }));
    }

    /** Bestand → Workshop verlaten: this laptop's colour goes from every screen; the project stays open. */
    void leave() {
        if (!(window.session().shared() instanceof PostgisStorage pg) || !pg.joined()) {
            window.status(window.text("leave.notJoined"));
            return;
        }
        inBackground(pg::leave, () -> {
            window.map().redraw();
            window.notify(window.text("leave.done"));
        });
    }

    /**
     * Bestand → Mijn naam…: the name this planner's changes carry from now on (already written changes keep
     * theirs); in a workshop, the colour moves to the new name on every screen.
     */
    void rename() {
        PlannerName.ask(window.stage(), window.bundle()).ifPresent(name -> {
            PlannerName.remember(name);
            if (!(window.session().shared() instanceof PostgisStorage pg)) {
                window.status(MessageFormat.format(window.text("planner.name.done"), name));
                return;
            }
            Integer colour = pg.joined() ? pg.authorColour(pg.author()) : null;
            inBackground(() -> {
                if (colour == null) {
                    pg.setAuthor(name);
                } else {
                    pg.leave();
                    pg.join(name, colour);
                }
            }, () -> {
                window.map().redraw();
                window.status(MessageFormat.format(window.text("planner.name.done"), name));
            });
        });
    }

    /** A step that talks to the database, so a slow connection never freezes the window. */
    private interface DatabaseStep {
        void run() throws InputException;
    }

    private void inBackground(DatabaseStep step, Runnable done) {
        Thread t = new Thread(() -> {
            try {
                step.run();
                Platform.runLater(done);
            } catch (InputException e) {
                Platform.runLater(() -> window.error(window.text("join.title"), e.getMessage(window.locale())));
            }
        }, "ruimteschets-workshop");
        t.setDaemon(true);
        t.start();
    }

    /** "Bewaar stand": the current scenario saved under "… – stand 14:32"; the room goes on in the current one. */
    void snapshot() {
        Scenario s = window.session().scenario().orElse(null);
        if (s == null) return;
        var add = ScenarioChanges.snapshot(window.session().project(), s, window.text("snapshot.name"), LocalTime.now());
        window.perform(add, () -> window.notify(MessageFormat.format(window.text("snapshot.done"), add.scenario().name(), s.name())));
    }

    /** Ctrl+B anywhere in the window, in presentation mode too (the menu bar is hidden there). */
    void keys(KeyEvent e) {
        if (e.getCode() == KeyCode.B && e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
            snapshot();
            e.consume();
        }
    }
}
