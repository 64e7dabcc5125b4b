package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import nl.ruimteschets.io.ConflictException;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.UserMessage;
import nl.ruimteschets.model.change.CandidateChanges;
import nl.ruimteschets.model.change.Change;
import org.junit.jupiter.api.Test;

/**
 * A shared project's changes are written off the window's thread, in order, and none is lost: a stalled
 * database does not hold up the planner, a colleague's newer version is shown and told in words, and a
 * change made just before the connection dropped is written once it is back. The store is a stand-in that
 * blocks, refuses or drops the connection on command; the window's thread is a queue this test drains.
 */
class SharedWriterTest {

    /** A shared store that records what it is asked to write and does what the test tells it to. */
    private static final class ScriptedStore implements ProjectStorage {
        final List<Change> written = new CopyOnWriteArrayList<>();
        final LinkedBlockingQueue<Object> script = new LinkedBlockingQueue<>(); // per write: a latch, an exception or "ok"
        volatile Consumer<ConnectionState> state;

        @Override public String location() { return "postgresql://test/db?schema=s"; }
        @Override public Project load() { return SampleProject.build(); }
        @Override public void save(Project project) { }
        @Override public boolean isShared() { return true; }
        @Override public void close() { }

        @Override
        public void subscribe(Consumer<List<Change>> changes, Consumer<ConnectionState> state) {
            this.state = state;
        }

        @Override
        public void write(Change change, boolean undoOrRedo) throws InputException {
            Object next = script.poll();
            if (next instanceof CountDownLatch l) {
                try {
                    l.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else if (next instanceof InputException e) {
                throw e;
            }
            written.add(change);
        }
    }

    /** The window's thread: tasks wait here until the test runs them, as Platform.runLater's would. */
    static final class FxQueue implements Executor {
        final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

        @Override
        public void execute(Runnable r) { tasks.add(r); }

        void runUntil(BooleanSupplier condition, String what) throws InterruptedException {
            long end = System.nanoTime() + 15_000_000_000L;
            while (!condition.getAsBoolean()) {
                Runnable r;
                while ((r = tasks.poll()) != null) r.run();
                if (condition.getAsBoolean()) return;
                if (System.nanoTime() > end) throw new AssertionError("timed out waiting until " + what);
                Thread.sleep(5);
            }
        }
    }

    /** A session on the scripted store, its window thread, and what the planner was told. */
    private static final class Rig {
        final ScriptedStore store = new ScriptedStore();
        final Session session = Session.of(store.load(), store);
        final FxQueue fx = new FxQueue();
        final List<Session.Refused> told = new ArrayList<>();

        Rig() {
            session.subscribe(fx);
            session.onRefused(told::add);
        }
    }

    private static Change rename(Project p, int index, String name) {
        String s = p.scenarios().get(0).name();
        Candidate c = p.scenarios().get(0).candidates().get(index);
        return new CandidateChanges.Replace(s, c.withName(name), "change.candidate.properties");
    }

    private static String name(Session session, int index) {
        return session.project().scenarios().get(0).candidates().get(index).name();
    }

    @Test
    void aStalledDatabaseDoesNotHoldUpThePlannerAndChangesAreWrittenInOrder() throws Exception {
        Rig r = new Rig();
        ScriptedStore store = r.store;
        Session session = r.session;
        FxQueue fx = r.fx;
        CountDownLatch stalled = new CountDownLatch(1);
        store.script.add(stalled);

        // Three edits while the database holds the first one: each is on screen as soon as it is made.
        for (int i = 0; i < 3; i++) {
            session.perform(rename(session.project(), i, "bewerking " + i));
            assertEquals("bewerking " + i, name(session, i), "shown at once");
        }
        assertTrue(store.written.isEmpty(), "the database has not answered yet");
        assertEquals(3, session.pendingWrites());

        stalled.countDown();
        fx.runUntil(() -> store.written.size() == 3, "all three are written");
        for (int i = 0; i < 3; i++) {
            assertEquals("bewerking " + i, ((CandidateChanges.Replace) store.written.get(i)).candidate().name(), "in the order made");
        }
        assertEquals(0, session.pendingWrites());
        session.close();
    }

    @Test
    void aColleaguesNewerVersionFoundInTheBackgroundIsShownAndToldInWords() throws Exception {
        Rig r = new Rig();
        ScriptedStore store = r.store;
        Session session = r.session;
        FxQueue fx = r.fx;
        List<Session.Refused> told = r.told;

        Project theirs = store.load();
        Change colleague = rename(theirs, 0, "naam van Bram");
        store.script.add(new ConflictException(new UserMessage("pg.conflict.candidate", "Kandidaat", "Bram"), List.of(colleague)));
        session.perform(rename(session.project(), 0, "mijn naam"));
        assertEquals("mijn naam", name(session, 0));

        fx.runUntil(() -> !told.isEmpty(), "the planner is told");
        assertTrue(told.get(0).conflict());
        String message = told.get(0).message(Locale.forLanguageTag("nl"));
        assertTrue(message.contains("Bram") && message.contains("niet opgeslagen"), message);
        assertEquals("naam van Bram", name(session, 0), "the colleague's version is shown");
        session.close();
    }

    @Test
    void aChangeMadeAsTheConnectionDropsIsWrittenWhenItIsBack() throws Exception {
        Rig r = new Rig();
        ScriptedStore store = r.store;
        Session session = r.session;
        FxQueue fx = r.fx;
        List<Session.Refused> told = r.told;

        InputException lost = new InputException(new UserMessage("pg.connection.lost", store.location()));
        store.script.add(lost);
        store.script.add(lost);
        session.perform(rename(session.project(), 0, "vlak voor de storing"));
        session.perform(rename(session.project(), 1, "ook"));
        fx.runUntil(() -> store.script.isEmpty(), "the writer met the dropped connection twice");
        assertTrue(store.written.isEmpty());

        store.state.accept(ProjectStorage.ConnectionState.CONNECTED);
        fx.runUntil(() -> store.written.size() == 2, "both written after reconnecting");
        assertEquals("vlak voor de storing", ((CandidateChanges.Replace) store.written.get(0)).candidate().name());
        assertTrue(told.isEmpty(), "nothing refused: the connection came back");
        session.close();
    }

    @Test
    void anUndoRefusedInTheBackgroundLeavesTheHistoryAndTheOtherStepsStay() throws Exception {
        Rig r = new Rig();
        Session session = r.session;
        String original = name(session, 0);
        session.perform(rename(session.project(), 0, "eerste"));
        session.perform(rename(session.project(), 1, "tweede"));
        r.fx.runUntil(() -> r.store.written.size() == 2, "both edits written");

        Change colleague = rename(r.store.load(), 1, "naam van Bram");
        r.store.script.add(new ConflictException(new UserMessage("pg.conflict.candidate", "Kandidaat", "Bram"), List.of(colleague)));
        session.undo(); // passes the local check: only the write finds the colleague's version
        assertTrue(session.history().canRedo(), "until the store answers, the undone step can be redone");
        r.fx.runUntil(() -> !r.told.isEmpty(), "the planner is told");

        assertTrue(r.told.get(0).conflict());
        assertEquals("naam van Bram", name(session, 1), "the colleague's version is shown");
        assertTrue(!session.history().canRedo(), "the refused step is no longer offered for redo");
        assertEquals("change.candidate.properties", session.history().undoDescriptionKey(), "my other step stays");
        session.undo();
        r.fx.runUntil(() -> r.store.written.size() == 2 + 1, "the other step's undo is written");
        assertEquals(original, name(session, 0), "the first edit was undone");
        session.close();
    }
}
