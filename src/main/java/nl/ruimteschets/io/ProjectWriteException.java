package nl.ruimteschets.io;

import java.io.IOException;
import java.util.Locale;
import nl.ruimteschets.model.UserMessage;

/**
 * A project that could not be written, said in the user's words (full disk, read-only file, damaged
 * or newer project); the technical cause is kept as the exception cause for logs only. The project
 * file is as it was. {@link #getMessage()} is the message in the default locale, so a caller that
 * only shows getMessage() still shows no SQL or temp path.
 */
public final class ProjectWriteException extends IOException {
    private final transient UserMessage userMessage;

    public ProjectWriteException(UserMessage userMessage, Throwable cause) {
        super(userMessage.format(Locale.getDefault()), cause);
        this.userMessage = userMessage;
    }

    public UserMessage userMessage() { return userMessage; }

    /**
     * The user's version of a failed write to {@code project}: full disk, no write permission, or
     * "could not be written" — never the SQL or temp path of {@code e}.
     */
    static ProjectWriteException of(java.nio.file.Path project, Throwable e) {
        if (e instanceof ProjectWriteException p) return p;
        String name = project.getFileName().toString();
        if (GeoPackageLayers.isDiskFull(e)) return new ProjectWriteException(new UserMessage("project.disk.full", name), e);
        if (GeoPackageLayers.isReadOnly(e)) return new ProjectWriteException(new UserMessage("project.readonly", name), e);
        return new ProjectWriteException(new UserMessage("project.write.failed", name), e);
    }
}
