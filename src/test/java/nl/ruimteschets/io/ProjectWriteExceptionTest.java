package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** A failed write is told in the user's words, by what the JDK or SQLite said; no SQL or temp path shows. */
class ProjectWriteExceptionTest {
    private static final Path PROJECT = Path.of("/data/werk/plan.gpkg");

    @Test
    void aFullDiskIsCalledAFullDisk() {
        for (Exception e : new Exception[] {new SQLException("[SQLITE_FULL] Insertion failed because database is full "
                + "(database or disk is full)"), new IOException("No space left on device"),
                new IOException("cannot write feature 7 to x", new SQLException("[SQLITE_FULL] database or disk is full"))}) {
            ProjectWriteException p = ProjectWriteException.of(PROJECT, e);
            assertEquals("project.disk.full", p.userMessage().key());
            String nl = p.userMessage().format(Locale.ROOT);
            assertEquals("De schijf is vol; project plan.gpkg is niet gewijzigd. Maak ruimte vrij en probeer het opnieuw.", nl);
        }
    }

    @Test
    void readOnlyAndOtherFailuresNameOnlyTheProject() {
        assertEquals("project.readonly", ProjectWriteException.of(PROJECT,
                new AccessDeniedException("/data/werk/.plan.gpkg-pid1-2.gpkg")).userMessage().key());
        assertEquals("project.readonly", ProjectWriteException.of(PROJECT,
                new SQLException("[SQLITE_READONLY] attempt to write a readonly database")).userMessage().key());
        ProjectWriteException other = ProjectWriteException.of(PROJECT,
                new SQLException("[SQLITE_ERROR] near \"x\": syntax error in INSERT INTO \"t\""));
        assertEquals("project.write.failed", other.userMessage().key());
        String en = other.userMessage().format(Locale.ENGLISH);
        assertFalse(en.contains("INSERT") || en.contains("/data/werk") || en.contains("pid"), en);
    }
}
