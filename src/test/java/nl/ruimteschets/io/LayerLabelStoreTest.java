package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import nl.ruimteschets.model.LayerDisplay;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.change.LayerChanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The label field a planner chose per layer: saved in rs_layer_display, undoable, and older files without it still open. */
class LayerLabelStoreTest {
    @TempDir
    Path dir;

    @Test
    void labelFieldSavedUndoableAndOldFilesOpen() throws Exception {
        Project p = ProjectStoreTest.sample();
        LayerDisplay plain = new LayerDisplay(true, 1, 0x8C9BB566, 0x3D4F75FF);
        p.displays().put("clusters", plain);
        var undo = new LayerChanges.Display("clusters", plain.withLabelField("naam")).apply(p);
        Path file = dir.resolve("labels.gpkg");
        ProjectStore.save(p, file);
        assertEquals("naam", ProjectStore.open(file).displays().get("clusters").labelField());
        undo.apply(p);
        assertNull(p.displays().get("clusters").labelField(), "undo takes the label field back");

        // A file from before label fields: rs_layer_display without the column.
        GeoPackage gp = GeoPackageManager.open(file.toFile());
        try {
            gp.execSQL("CREATE TABLE old_display AS SELECT id, layer_table, visible, opacity, fill, stroke FROM rs_layer_display");
            gp.execSQL("DROP TABLE rs_layer_display");
            gp.execSQL("ALTER TABLE old_display RENAME TO rs_layer_display");
        } finally {
            gp.close();
        }
        LayerDisplay back = ProjectStore.open(file).displays().get("clusters");
        assertEquals(Map.of("clusters", plain), Map.of("clusters", back));
    }
}
