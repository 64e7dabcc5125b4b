package nl.ruimteschets.io;

import java.io.IOException;
import java.nio.file.Path;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.change.Change;

/**
 * A project in a GeoPackage file, read and written whole by {@link ProjectStore}; changes stay in memory
 * until Save. Stateless apart from the path; thread-safe as {@link ProjectStore} is.
 */
public final class GeoPackageStorage implements ProjectStorage {
    private final Path file;

    public GeoPackageStorage(Path file) {
        this.file = file;
    }

    @Override public String location() { return file.toString(); }
    @Override public Path file() { return file; }
    @Override public Project load() throws InputException { return ProjectStore.open(file); }
    @Override public void save(Project project) throws IOException { ProjectStore.save(project, file); }
    @Override public void save(Project project, ProgressListener progress) throws IOException { ProjectStore.save(project, file, progress); }
    @Override public boolean isShared() { return false; }
    @Override public void write(Change change, boolean undoOrRedo) { }
    @Override public void close() { }
}
