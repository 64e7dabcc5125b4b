package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.change.AttributeEditTestData;
import nl.ruimteschets.model.change.Change;
import nl.ruimteschets.model.change.LayerChanges;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A corrected attribute value is saved in the project file, and so is its undo. */
class EditedLayerSaveTest {
    @TempDir
    Path tmp;

    private static Object name(Project p, int feature) {
        Layer l = p.layer("Kavels").orElseThrow();
        return l.features().stream().filter(f -> f.id() == feature).findFirst().orElseThrow().value(0);
    }

    @Test
    void anEditedLayerIsWrittenAgainAndAnUndoToo() throws Exception {
        Path file = tmp.resolve("project.gpkg");
        Project p = new Project();
        p.layers().add(AttributeEditTestData.plots());
        ProjectStore.save(p, file);

        Project opened = ProjectStore.open(file);
        Change undo = new LayerChanges.EditValue("Kavels", 2, 0, "Kavel Zuid").apply(opened);
        ProjectStore.save(opened, file);
        assertEquals("Kavel Zuid", name(ProjectStore.open(file), 2), "the correction is in the file");

        undo.apply(opened); // back to the layer as first opened, while the file holds the correction
        ProjectStore.save(opened, file);
        assertEquals("Kavel Zud", name(ProjectStore.open(file), 2), "the undo is in the file too");
    }
}
