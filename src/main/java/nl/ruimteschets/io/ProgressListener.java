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

    /**
     * This listener as seen by one part of longer work: the part's {@code done} counts on from {@code before}
     * out of the whole's {@code total}; cancelling the whole cancels the part.
     */
    default ProgressListener part(long before, long total) {
        ProgressListener whole = this;
        return new ProgressListener() {
            @Override public void progress(long done, long ignored) { whole.progress(before + done, Math.max(total, before + done)); }
            @Override public boolean isCancelled() { return whole.isCancelled(); }
        };
    }

    /** Throws {@link CancelledException} when the user asked to stop. */
    default void checkCancelled() {
        if (isCancelled()) throw new CancelledException();
    }
}
