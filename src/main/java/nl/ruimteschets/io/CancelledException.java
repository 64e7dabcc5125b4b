package nl.ruimteschets.io;

/** Long work stopped because the user cancelled it; whatever it was building has been discarded. */
public class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled");
    }
}
