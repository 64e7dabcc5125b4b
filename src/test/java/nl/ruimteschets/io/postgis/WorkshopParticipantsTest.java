package nl.ruimteschets.io.postgis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import nl.ruimteschets.io.ProjectStorage;
import nl.ruimteschets.io.SampleProject;
import nl.ruimteschets.model.change.Change;
import org.junit.jupiter.api.Test;

/**
 * A workshop participant who leaves, or whom the facilitator removes from {@code rs_participant} in psql or
 * QGIS, loses their colour in every other open window at once (through the change feed, which also asks the
 * window to redraw), not only after it reopens the project. Real PostGIS; skipped without a server.
 */
class WorkshopParticipantsTest {
    private static final int PURPLE = 0x7B1FA2FF;

    private static PostgisStorage open(PostgisTestServer pg, String schema) throws Exception {
        return (PostgisStorage) ProjectStorage.open(pg.url(schema), pg.prompt());
    }

    /** A seeded project, a laptop that joins as Carla and a projector that listens. */
    private record Room(PostgisStorage laptop, PostgisStorage projector, List<Change> redraws) implements AutoCloseable {
        static Room open(PostgisTestServer pg, String schema) throws Exception {
            pg.sql("DROP SCHEMA IF EXISTS \"" + schema + "\" CASCADE");
            try (ProjectStorage seed = WorkshopParticipantsTest.open(pg, schema)) {
                seed.save(SampleProject.build());
            }
            PostgisStorage laptop = WorkshopParticipantsTest.open(pg, schema);
            laptop.load();
            PostgisStorage projector = WorkshopParticipantsTest.open(pg, schema);
            projector.load();
            List<Change> redraws = new CopyOnWriteArrayList<>();
            projector.subscribe(changes -> changes.stream().filter(c -> c instanceof RemoteChanges.Redraw).forEach(redraws::add), s -> { });
            laptop.join("Carla", PURPLE);
            PostgisStorageTest.waitFor(() -> Integer.valueOf(PURPLE).equals(projector.authorColour("Carla")), "the projector knows Carla's colour");
            return new Room(laptop, projector, redraws);
        }

        @Override
        public void close() {
            laptop.close();
            projector.close();
        }
    }

    @Test
    void aParticipantWhoLeavesLosesTheirColourOnTheOtherScreenLive() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        try (Room room = Room.open(pg, "deelnemers_" + ProcessHandle.current().pid())) {
            assertTrue(room.laptop.joined());
            int before = room.redraws.size();
            room.laptop.leave();
            assertFalse(room.laptop.joined());
            assertNull(room.laptop.authorColour("Carla"), "gone on the laptop itself");
            PostgisStorageTest.waitFor(() -> room.projector.authorColour("Carla") == null, "the projector forgets Carla's colour");
            PostgisStorageTest.waitFor(() -> room.redraws.size() > before, "the projector is asked to redraw");
        }
    }

    @Test
    void aParticipantTheFacilitatorRemovesInTheDatabaseLosesTheirColourLive() throws Exception {
        PostgisTestServer pg = PostgisTestServer.require();
        // a schema name too long for "ruimteschets_" + name: the channel is hashed, in SQL as in Java
        String schema = "workshop_met_een_heel_lange_naam_voor_de_provincie_" + ProcessHandle.current().pid();
        try (Room room = Room.open(pg, schema)) {
            room.laptop.join("Daan", 0x009E73FF); // a second laptop's participant, as another row
            PostgisStorageTest.waitFor(() -> room.projector.authorColour("Daan") != null, "the projector knows Daan");
            pg.sql("DELETE FROM \"" + schema + "\".rs_participant WHERE name = 'Carla'");
            PostgisStorageTest.waitFor(() -> room.projector.authorColour("Carla") == null, "the projector forgets Carla's colour");
            assertEquals(0x009E73FF, room.projector.authorColour("Daan").intValue(), "the others stay");
        }
    }
}
