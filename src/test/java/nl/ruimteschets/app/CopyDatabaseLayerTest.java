package nl.ruimteschets.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.io.CancelledException;
import nl.ruimteschets.io.GeoPackageStorage;
import nl.ruimteschets.io.ProgressListener;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.ProjectStore;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.io.postgis.BigLayers;
import nl.ruimteschets.io.postgis.PostgisTestServer;
import nl.ruimteschets.io.postgis.ProjectDigest;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import nl.ruimteschets.model.Project;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Envelope;

/**
 * {@code copy} of a project with a layer that stays in the database: PostGIS → GeoPackage → PostGIS and
 * GeoPackage → PostGIS → GeoPackage give the same project (layers, roles, looks, every row's values and
 * geometry exactly, candidates, notes) and keep the mark, streamed rather than read whole; cancelling leaves
 * the target as it was. Skipped without a PostgreSQL server; the GDAL check without ogrinfo.
 */
class CopyDatabaseLayerTest {
    private static final Path OGRINFO = Path.of("/usr/bin/ogrinfo");
    @TempDir Path dir;

    @AfterEach
    void forgetPgpass() {
        System.clearProperty("org.postgresql.pgpassfile");
    }

    /** 4,000 buildings with every field type, awkward text (tab, newline, backslash, accents) and some nulls. */
    static Layer buildings() {
        Random rnd = new Random(14);
        List<Field> fields = List.of(new Field("naam", FieldType.TEXT), new Field("bouwjaar", FieldType.INTEGER),
                new Field("hoogte", FieldType.REAL), new Field("kwetsbaar", FieldType.BOOLEAN), new Field("gemeten", FieldType.DATE));
        List<Feature> fs = new ArrayList<>();
        for (int i = 1; i <= 4_000; i++) {
            double x = 54_000 + rnd.nextDouble() * 12_000, y = 439_000 + rnd.nextDouble() * 12_000;
            double w = 10 + rnd.nextDouble() * 30, h = 10 + rnd.nextDouble() * 30;
            String name = i % 97 == 0 ? "tab\there, new\nline, back\\slash, é ü" : i % 50 == 0 ? null : "pand " + i;
            fs.add(new Feature(i, i == 7 ? null : Rd.FACTORY.toGeometry(new Envelope(x, x + w, y, y + h)), new Object[] {
                name, i % 31 == 0 ? null : (long) (1900 + rnd.nextInt(120)), rnd.nextDouble() * 40.0 / 3,
                i % 3 == 0, i % 11 == 0 ? null : LocalDate.of(2020, 1 + i % 12, 1 + i % 28)}));
        }
        return new Layer("gebouwen", LayerRole.SENSITIVE, fields, fs, Map.of(Layer.MAP_NAME, "naam"), "BAG-uittreksel", null);
    }

    private static String schema(String what) {
        return "copydb_" + what + "_" + ProcessHandle.current().pid();
    }

    private static Project load(String location, PostgisTestServer pg) throws Exception {
        try (ProjectStorage s = ProjectStorage.open(location, pg.prompt())) {
            return s.load();
        }
    }

    @Test
    void aDatabaseLayerTravelsBothWaysLosslesslyAndKeepsItsMark() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        pg.usePgpassIn(dir);
        // the sample as a file gives it (areas as multipolygons, as a GeoPackage stores them), plus the big layer
        ProjectStore.save(SampleProject.build(), dir.resolve("voorbeeld.gpkg"));
        Project original = ProjectStore.open(dir.resolve("voorbeeld.gpkg"));
        original.putLayer(buildings());
        String a = pg.url(schema("a")), b = pg.url(schema("b")), c = pg.url(schema("c"));
        try (ProjectStorage s = ProjectStorage.open(a, pg.prompt())) {
            s.save(original);
        }
        try (Connection con = pg.admin()) {
            BigLayers.keep(con, schema("a"), "gebouwen", true);
        }
        Project inA = load(a, pg);
        assertTrue(inA.layer("gebouwen").orElseThrow().inDatabase(), "the source layer stays in the database");

        Path g1 = dir.resolve("kopie.gpkg"), g2 = dir.resolve("terug.gpkg");
        CliTest.Run toFile = CliTest.cli("copy", a, g1.toString());
        assertEquals(0, toFile.code(), toFile.err());
        assertTrue(toFile.out().contains("kopie.gpkg"), toFile.out());

        Project inG1 = ProjectStore.open(g1);
        Layer kept = inG1.layer("gebouwen").orElseThrow();
        assertTrue(kept.inDatabase(), "the GeoPackage remembers that the layer stays out of memory");
        assertTrue(kept.features().isEmpty(), "opening the file reads none of it into memory");
        assertEquals(4_000, kept.featureCount());
        same(ProjectDigest.of(inA), ProjectDigest.of(inG1), "PostGIS and its GeoPackage copy hold the same project");

        // read by area in the file as in the database: the same features in the same tiles
        Layer remoteA = inA.layer("gebouwen").orElseThrow();
        List<long[]> tiles = List.of(new long[] {58, 443}, new long[] {59, 443}, new long[] {58, 444}, new long[] {60, 446});
        assertEquals(ids(remoteA.remote().tiles(1000, tiles)), ids(kept.remote().tiles(1000, tiles)));
        assertFalse(ids(kept.remote().tiles(1000, tiles)).isEmpty());
        assertFalse(kept.remote().forView(new Envelope(58_000, 60_000, 443_000, 445_000), 0.5, 5_000).isEmpty());

        // Save of the opened file onto itself (the app's Save) keeps the table and its mark, rewriting nothing of it
        ProjectStore.save(inG1, g1);
        Project saved = ProjectStore.open(g1);
        assertTrue(saved.layer("gebouwen").orElseThrow().inDatabase());
        same(ProjectDigest.of(inG1), ProjectDigest.of(saved), "Save of a GeoPackage with a layer kept in it");

        CliTest.Run toDb = CliTest.cli("copy", g1.toString(), b);
        assertEquals(0, toDb.code(), toDb.err());
        Project inB = load(b, pg);
        assertTrue(inB.layer("gebouwen").orElseThrow().inDatabase(), "copied back, the layer stays in the database again");
        same(ProjectDigest.of(inA), ProjectDigest.of(inB), "PostGIS → GeoPackage → PostGIS is lossless");

        CliTest.Run again = CliTest.cli("copy", b, c);
        assertEquals(0, again.code(), again.err());
        CliTest.Run back = CliTest.cli("copy", c, g2.toString());
        assertEquals(0, back.code(), back.err());
        Project inG2 = ProjectStore.open(g2);
        assertTrue(inG2.layer("gebouwen").orElseThrow().inDatabase());
        same(ProjectDigest.of(inG1), ProjectDigest.of(inG2), "GeoPackage → PostGIS → GeoPackage is lossless");

        // QGIS's styles and the table as PostGIS has it: GiST index and the mark
        try (Connection con = pg.admin(); ResultSet rs = con.createStatement().executeQuery(
                "SELECT (SELECT count(*) FROM pg_indexes WHERE schemaname = '" + schema("b") + "' AND tablename = 'gebouwen' "
                + "AND indexdef LIKE '%gist%'), (SELECT in_database FROM " + schema("b") + ".rs_layer_storage WHERE layer_table = 'gebouwen'), "
                + "(SELECT count(*) FROM public.layer_styles WHERE f_table_schema = '" + schema("b") + "' AND f_table_name = 'gebouwen'), "
                + "(SELECT type FROM geometry_columns WHERE f_table_schema = '" + schema("b") + "' AND f_table_name = 'gebouwen')")) {
            rs.next();
            assertEquals(1, rs.getInt(1), "GiST index");
            assertTrue(rs.getBoolean(2), "marked to stay in the database");
            assertEquals(1, rs.getInt(3), "QGIS style row");
            assertEquals("POLYGON", rs.getString(4));
        }

        if (!Files.isExecutable(OGRINFO)) {
            Assumptions.abort("ogrinfo not installed: GDAL check of the copied GeoPackage skipped");
        }
        Process p = new ProcessBuilder(OGRINFO.toString(), "-so", g1.toString(), "gebouwen").redirectErrorStream(true).start();
        String info = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), info);
        System.out.println("ogrinfo -so of the streamed copy:\n" + info);
        assertTrue(info.contains("Feature Count: 4000"), info);
        assertTrue(info.contains("Geometry: Polygon"), info);
        assertTrue(info.contains("bouwjaar: Integer64") && info.contains("gemeten: Date") && info.contains("kwetsbaar: Integer(Boolean)"), info);
    }

    @Test
    void cancellingACopyLeavesTheTargetAsItWas() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        Project original = SampleProject.build();
        original.putLayer(buildings());
        String src = pg.url(schema("cancel_src")), dst = pg.url(schema("cancel_dst"));
        try (ProjectStorage s = ProjectStorage.open(src, pg.prompt())) {
            s.save(original);
        }
        try (Connection con = pg.admin()) {
            BigLayers.keep(con, schema("cancel_src"), "gebouwen", true);
        }
        Project p = load(src, pg);
        ProgressListener stop = new ProgressListener() {
            private boolean begun;
            @Override public void progress(long done, long total) { begun = done > 0; }
            @Override public boolean isCancelled() { return begun; }
        };
        Path file = dir.resolve("afgebroken.gpkg");
        assertThrows(CancelledException.class, () -> new GeoPackageStorage(file).save(p, stop));
        assertFalse(Files.exists(file), "no half file");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.toList(), "no temp copy left behind");
        }
        try (ProjectStorage s = ProjectStorage.open(dst, pg.prompt())) {
            assertThrows(CancelledException.class, () -> s.save(p, stop));
        }
        try (Connection con = pg.admin(); ResultSet rs = con.createStatement().executeQuery(
                "SELECT count(*) FROM pg_tables WHERE schemaname = '" + schema("cancel_dst") + "'")) {
            rs.next();
            assertEquals(0, rs.getInt(1), "the database target got nothing");
        }
    }

    /** Equal digests; on a difference the first differing line is named, not two pages of text. */
    private static void same(String expected, String actual, String what) {
        String[] e = expected.split("\n"), a = actual.split("\n");
        for (int i = 0; i < Math.min(e.length, a.length); i++) assertEquals(e[i], a[i], what + ", line " + (i + 1));
        assertEquals(e.length, a.length, what + ": number of lines");
    }

    private static Set<Long> ids(Map<Long, List<Feature>> tiles) {
        Set<Long> out = new TreeSet<>();
        tiles.forEach((k, fs) -> fs.forEach(f -> out.add(k * 31 + f.id())));
        return out;
    }
}
