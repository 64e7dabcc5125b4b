package nl.ruimteschets.app;

import java.io.Console;
import java.io.IOException;
import java.nio.file.Path;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectImport;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.postgis.PgConnector.PasswordPrompt;
import nl.ruimteschets.io.postgis.PostgisStorage;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;

/**
 * A PROJECT argument of the command line: a GeoPackage file or a {@code postgresql://} URL. A database
 * password comes from PGPASSWORD, ~/.pgpass or, on a terminal, a prompt that does not echo. Stateless.
 */
final class ProjectArg {
    private ProjectArg() { }

    /** Asks on the terminal (no echo); none without a terminal, so scripts fail with a clear message. */
    static final PasswordPrompt TERMINAL = (location, user) -> {
        Console c = System.console();
        return c == null ? null : c.readPassword("Wachtwoord/password for %s at %s: ", user, location.host());
    };

    static ProjectStorage open(String project) throws InputException {
        return ProjectStorage.open(project, TERMINAL);
    }

    static Project load(String project) throws InputException {
        try (ProjectStorage s = open(project)) {
            return s.load();
        }
    }

    /** The name to show in messages: the file name, or the URL (which never holds a password). */
    static String name(String project) {
        return ProjectStorage.isDatabase(project) ? project : String.valueOf(Path.of(project).getFileName());
    }

    /**
     * Imports a file as a new layer, streamed either way: into a GeoPackage ({@link ProjectImport}) or into a table
     * of a PostGIS project in one transaction ({@link PostgisStorage#importLayer}; a big layer stays in the database).
     */
    static ImportReport importLayer(String project, Path file, String layer, String sourceTable, LayerRole role,
                                    Integer epsg, String encoding, ProgressListener progress) throws IOException, InputException {
        if (!ProjectStorage.isDatabase(project)) {
            return ProjectImport.run(Path.of(project), file, layer, sourceTable, role, epsg, encoding, progress);
        }
        try (PostgisStorage s = (PostgisStorage) open(project)) {
            return s.importLayer(file, layer, sourceTable, role, epsg, encoding, progress);
        }
    }
}
