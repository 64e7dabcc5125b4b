package nl.ruimteschets.io;

/**
 * Receives progress of long work and tells it whether to stop. Called from the working thread;
 * implementations hand values to their own thread if needed.
 */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() { };

    /** @param total -1 when unknown */
    default void progress(long done, long total) { }

    default boolean isCancelled() { return false; }

    /** Throws {@link CancelledException} when the user asked to stop. */
    default void checkCancelled() {
        if (isCancelled()) throw new CancelledException();
    }
}
