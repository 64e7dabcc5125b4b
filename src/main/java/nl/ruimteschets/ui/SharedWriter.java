package nl.ruimteschets.ui;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import nl.ruimteschets.io.ConflictException;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.WriteRefusedException;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.change.Change;

/**
 * Writes a shared project's changes to the database on one background thread, in the order the planner
 * made them, so a slow or stalled connection never freezes the window: the change is already on screen.
 * A refusal comes back on the FX thread with the stored state to show instead: a colleague's newer version
 * ({@link ConflictException}) or what the database holds after refusing the change for another reason (a
 * rule, a permission, a value out of range: {@link WriteRefusedException}); the caller shows it, drops the
 * refused step from the undo history and tells the planner in words. A lost
 * connection loses nothing: the change waits at the head of the queue and is written once the connection
 * is back ({@link #connected}).
 *
 * <p>Thread safety: {@link #submit}, {@link #connected}, {@link #idle} and {@link #close} may be called
 * from any thread (the queue is guarded by {@code this}); the callbacks run through the given executor.
 */
final class SharedWriter {
    private static final System.Logger LOG = System.getLogger(SharedWriter.class.getName());

    private static final long RETRY_MS = 2000;

    /** What to write, and the change the planner's history knows it by (the same, or its unfrozen original). */
    private record Job(Change change, boolean undoOrRedo, Change shown) { }

    /** Hears, on the FX thread, a change the store refused: the stored state to show instead, and why. */
    @FunctionalInterface
    interface Refusal {
        void refused(Change shown, List<Change> newer, InputException why);
    }

    private final ProjectStorage storage;
    private final Executor fxThread;
    private final Refusal refused;
    private final Deque<Job> queue = new ArrayDeque<>(); // guarded by this
    private boolean writing; // guarded by this
    private boolean waitingForConnection; // guarded by this
    private boolean closed; // guarded by this
    private final Thread thread;

    SharedWriter(ProjectStorage storage, Executor fxThread, Refusal refused) {
        this.storage = storage;
        this.fxThread = fxThread;
        this.refused = refused;
        this.thread = new Thread(this::run, "shared-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Queues a change the planner just made (already applied on screen); {@code shown} is the change as the
     * history holds it, handed back with a refusal.
     */
    synchronized void submit(Change change, boolean undoOrRedo, Change shown) {
        if (closed) throw new IllegalStateException("writer closed");
        queue.addLast(new Job(change, undoOrRedo, shown));
        notifyAll();
    }

    /** The connection is back: retry what waited for it. */
    synchronized void connected() {
        waitingForConnection = false;
        notifyAll();
    }

    /** Nothing queued or being written (the store's view of versions is then this client's whole truth). */
    synchronized boolean idle() {
        return queue.isEmpty() && !writing;
    }

    /** How many changes wait to be written (the one being written stays at the head of the queue until done). */
    synchronized int pending() {
        return queue.size();
    }

    /** Waits up to {@code millis} for the queue to empty; true when it did. */
    synchronized boolean drain(long millis) throws InterruptedException {
        long end = System.currentTimeMillis() + millis;
        while (!idle()) {
            long left = end - System.currentTimeMillis();
            if (left <= 0) return false;
            wait(left);
        }
        return true;
    }

    /** Stops the thread; what is still queued then is not written (call {@link #drain} first). */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    private void run() {
        while (true) {
            Job job;
            synchronized (this) {
                while (!closed && (queue.isEmpty() || waitingForConnection)) {
                    try {
                        if (waitingForConnection) {
                            wait(RETRY_MS); // also retried unasked: the feed may have reported back before we waited
                            waitingForConnection = false;
                        } else {
                            wait();
                        }
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) return;
                job = queue.peekFirst();
                writing = true;
            }
            boolean done = true;
            try {
                storage.write(job.change(), job.undoOrRedo());
            } catch (ConflictException e) {
                fxThread.execute(() -> refused.refused(job.shown(), e.newer(), e));
            } catch (WriteRefusedException e) {
                fxThread.execute(() -> refused.refused(job.shown(), e.stored(), e));
            } catch (InputException e) {
                if ("pg.connection.lost".equals(e.userMessage().key())) {
                    done = false; // kept at the head; written when the feed reports the connection back
                    LOG.log(System.Logger.Level.INFO, "shared write waits for the connection");
                } else {
                    fxThread.execute(() -> refused.refused(job.shown(), List.of(), e));
                }
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "shared write failed", e);
                InputException x = new InputException(new nl.ruimteschets.model.UserMessage("pg.write.failed",
                        storage.location(), e.getClass().getSimpleName()), e);
                fxThread.execute(() -> refused.refused(job.shown(), List.of(), x));
            }
            synchronized (this) {
                writing = false;
                if (done) queue.pollFirst();
                else waitingForConnection = true;
                notifyAll();
            }
        }
    }
}
