package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import nl.ruimteschets.model.ActivityProfile;
import nl.ruimteschets.model.Candidate;
import nl.ruimteschets.model.CandidateKind;
import nl.ruimteschets.model.CandidateOverrides;
import nl.ruimteschets.model.Cluster;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.GeometryKind;
import nl.ruimteschets.model.ImportReport;
import nl.ruimteschets.model.InputException;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import nl.ruimteschets.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTReader;

class ProjectStoreTest {
    @TempDir Path dir;

    static Project sample() throws Exception {
        WKTReader wkt = new WKTReader(new GeometryFactory());
        Project p = new Project();
        ImportReport report = new ImportReport();
        report.setSource("clusters.shp");
        report.setFormat("Shapefile");
        report.countRead();
        report.countRead();
        report.countImported();
        report.countRepaired(2);
        p.putLayer(new Layer("clusters", LayerRole.CLUSTER, GeoPackageRoundTripTest.FIELDS,
                new ArrayList<>(GeoPackageRoundTripTest.plots()), Map.of("cluster", "naam"), "clusters.shp", report));
        p.putCluster(new Cluster("Rotterdam-Moerdijk", List.of("Maasvlakte", "Botlek"), 120, 400, 35.5, 0.7, "PBL"));
        p.putCluster(new Cluster("Zeeland", List.of(), 10, 20, 5, 0.8, ""));
        p.putProfile(new ActivityProfile("waterstof", "elektrolyse é", 65, 5, false, 100, 50, 0, 300, 1200, 0,
                30, 0.75, "[K]"));
        p.putProfile(new ActivityProfile("logistiek", "", 60, 2, true, 0, 0, 0, 0, 0, 5.5, 10, 0.6, ""));
        Scenario a = new Scenario("Basis", "eerste schets");
        a.add(new Candidate("c1", "Uitbreiding Noord", CandidateKind.EXPANSION, "Zeeland",
                wkt.read("POLYGON ((60000 390000, 60500 390000, 60500 390400, 60000 390000))"), 0, "waterstof",
                new CandidateOverrides(0.65, null, 12.5, null), "notitie ë"));
        a.add(new Candidate("c2", "Satelliet", CandidateKind.SATELLITE, "Rotterdam-Moerdijk",
                wkt.read("POINT (90000 430000)"), 12.5, "logistiek", CandidateOverrides.NONE, ""));
        p.scenarios().add(a);
        Scenario b = new Scenario("Hoog", "");
        b.add(new Candidate("c3", "Punt", CandidateKind.SATELLITE, "Zeeland", wkt.read("POINT (1 2)"), 3, "",
                new CandidateOverrides(null, 1000.0, null, 61.0), ""));
        p.scenarios().add(b);
        return p;
    }

    @Test
    void saveAndOpenRoundTrip() throws Exception {
        Project p = sample();
        Path file = dir.resolve("plan.gpkg");
        ProjectStore.save(p, file);
        ProjectStore.save(p, file); // second save copies the file and keeps the layer table
        Project back = ProjectStore.open(file);

        assertEquals(1, back.layers().size());
        Layer l = back.layers().get(0);
        assertEquals("clusters", l.name());
        assertEquals(LayerRole.CLUSTER, l.role());
        assertEquals(Map.of("cluster", "naam"), l.fieldMapping());
        assertEquals("clusters.shp", l.source());
        assertEquals(2, l.report().read());
        assertEquals(List.of(2L), l.report().repairedIds());
        assertEquals("Shapefile", l.report().format());
        assertEquals(2, l.features().size());
        assertEquals(p.layers().get(0).features().get(0).geometry().getArea(), l.features().get(0).geometry().getArea(), 1e-6);

        assertEquals(List.copyOf(p.clusters().values()), List.copyOf(back.clusters().values()));
        assertEquals(List.copyOf(p.profiles().values()), List.copyOf(back.profiles().values()));
        assertEquals(2, back.scenarios().size());
        for (int i = 0; i < 2; i++) {
            Scenario s = p.scenarios().get(i);
            Scenario t = back.scenarios().get(i);
            assertEquals(s.name(), t.name());
            assertEquals(s.description(), t.description());
            assertEquals(s.candidates().size(), t.candidates().size());
            for (int j = 0; j < s.candidates().size(); j++) {
                Candidate c = s.candidates().get(j);
                Candidate d = t.candidates().get(j);
                assertTrue(c.geometry().equalsExact(d.geometry()), c.geometry() + " vs " + d.geometry());
                assertEquals(c.withGeometry(d.geometry()), d);
            }
        }
    }

    @Test
    void layerLooksAreSavedAndAFileWithoutThemOpensWithDefaults() throws Exception {
        Project p = sample();
        Path file = dir.resolve("looks.gpkg");
        ProjectStore.save(p, file);
        assertTrue(ProjectStore.open(file).displays().isEmpty(), "no look set: every layer in its role's look");

        nl.ruimteschets.model.LayerDisplay look = new nl.ruimteschets.model.LayerDisplay(false, 0.35, 0x1E88E566, 0xFF0000FF);
        p.displays().put("clusters", look);
        p.displays().put("weg", look); // a layer removed since: not written
        ProjectStore.save(p, file);
        Project back = ProjectStore.open(file);
        assertEquals(Map.of("clusters", look), back.displays());

        GeoPackage gp = GeoPackageManager.open(file.toFile());
        try {
            gp.execSQL("UPDATE rs_layer_display SET fill = 'rood'"); // edited by hand in QGIS
        } finally {
            gp.close();
        }
        assertTrue(ProjectStore.open(file).displays().isEmpty(), "an unreadable colour falls back to the role's look");
    }

    @Test
    void notAGeoPackage() throws Exception {
        Path file = dir.resolve("notes.gpkg");
        Files.writeString(file, "dit is gewoon tekst, geen database, lang genoeg");
        InputException e = assertThrows(InputException.class, () -> ProjectStore.open(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("geen GeoPackage"), e.getMessage());
    }

    @Test
    void newerSchemaVersion() throws Exception {
        Path file = dir.resolve("future.gpkg");
        ProjectStore.save(sample(), file);
        GeoPackage gp = GeoPackageManager.open(file.toFile());
        try {
            gp.execSQL("UPDATE rs_meta SET value = '7' WHERE key = 'schema_version'");
        } finally {
            gp.close();
        }
        InputException e = assertThrows(InputException.class, () -> ProjectStore.open(file));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("7")
                && e.getMessage().contains("1"), e.getMessage());
    }

    @Test
    void plainGeoPackageOpensAsBasemaps() throws Exception {
        Path file = dir.resolve("plain.gpkg");
        new GeoPackageWriter().write(file, "percelen", GeoPackageRoundTripTest.FIELDS, GeoPackageRoundTripTest.plots(),
                ProgressListener.NONE);
        Project p = ProjectStore.open(file);
        assertEquals(1, p.layers().size());
        assertEquals(LayerRole.BASEMAP, p.layers().get(0).role());
    }

    @Test
    void failedSaveLeavesFileUntouched() throws Exception {
        Path file = dir.resolve("keep.gpkg");
        ProjectStore.save(sample(), file);
        byte[] before = Files.readAllBytes(file);
        Project bad = sample();
        // two columns of the same name: the table cannot be created halfway through the save
        bad.putLayer(new Layer("kapot", LayerRole.BASEMAP, List.of(new Field("a", FieldType.TEXT),
                new Field("a", FieldType.TEXT)), new ArrayList<>(), Map.of(), "", null));
        assertThrows(java.io.IOException.class, () -> ProjectStore.save(bad, file));
        assertArrayEquals(before, Files.readAllBytes(file));
        try (var s = Files.list(dir)) {
            assertEquals(List.of(file), s.toList(), "temp file removed");
        }
    }

    @Test
    void importInPlaceThenRecord() throws Exception {
        Path file = dir.resolve("import.gpkg");
        ProjectStore.save(sample(), file);
        try (ProjectStore.Import imp = ProjectStore.beginImport(file)) {
            GeoPackageLayerSink sink = imp.newLayer("natura", GeoPackageRoundTripTest.FIELDS, GeometryKind.POLYGON);
            for (Feature f : GeoPackageRoundTripTest.plots()) sink.accept(f);
            sink.commit();
            imp.recordLayer("natura", LayerRole.NATURA2000, Map.of(), "n2000.shp", new ImportReport());
            imp.commit();
        }
        Project p = ProjectStore.open(file);
        // Natura 2000 goes to its role's place below the clusters, not on top.
        assertEquals(List.of("natura", "clusters"), p.layers().stream().map(Layer::name).toList());
        assertEquals(LayerRole.NATURA2000, p.layers().get(0).role());
        ProjectStore.save(p, file);
        assertEquals(2, ProjectStore.open(file).layers().get(0).features().size());
    }
}
