package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports and saves are written to a temp file (readable by its owner only) and then moved into place: what
 * the planner gets must have the permissions any new file gets there, so a GIS colleague on a shared folder can
 * open it, and an overwritten file keeps the permissions it had.
 */
class FilePermissionsTest {
    @TempDir Path dir;

    @Test
    void anExportGetsTheSamePermissionsAsAnyNewFileAndASaveKeepsThoseOfTheFileItReplaces() throws Exception {
        assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX permissions only");
        Path plain = Files.createFile(dir.resolve("gewoon.txt"));
        Set<PosixFilePermission> expected = Files.getPosixFilePermissions(plain);

        Project p = SampleProject.build();
        List<Path> shp = Exports.shapefile(Exports.candidates(p.scenarios().get(0), p), dir);
        for (Path f : shp) assertEquals(expected, Files.getPosixFilePermissions(f), f.getFileName() + " as a new file");
        Path gpkg = dir.resolve("kandidaten.gpkg");
        Exports.geoPackage(Exports.candidates(p.scenarios().get(0), p), gpkg);
        assertEquals(expected, Files.getPosixFilePermissions(gpkg));
        Path geojson = dir.resolve("kandidaten.geojson");
        Exports.geoJson(Exports.candidates(p.scenarios().get(0), p), geojson, true);
        assertEquals(expected, Files.getPosixFilePermissions(geojson), "GeoJSON (was 0600)");

        Path project = dir.resolve("project.gpkg");
        ProjectStore.save(p, project);
        assertEquals(expected, Files.getPosixFilePermissions(project), "a new project file");
        Set<PosixFilePermission> groupOnly = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(project, groupOnly);
        ProjectStore.save(p, project);
        assertEquals(groupOnly, Files.getPosixFilePermissions(project), "a saved project keeps what the planner set");
    }
}
