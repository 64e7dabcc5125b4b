package nl.ruimteschets.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShapefileFieldNamesTest {
    @Test
    void shortNamesStayAsTheyAre() {
        assertEquals(List.of("naam", "ZONE", "area_m2"), ShapefileFieldNames.shorten(List.of("naam", "ZONE", "area_m2")));
    }

    @Test
    void longNamesAreCutToTenCharacters() {
        assertEquals(List.of("oppervlakt"), ShapefileFieldNames.shorten(List.of("oppervlakte_m2")));
    }

    @Test
    void collisionsGetACounterAfterEightCharacters() {
        assertEquals(List.of("gebruik_no", "gebruik__1", "gebruik__2"),
                ShapefileFieldNames.shorten(List.of("gebruik_noord", "gebruik_nood", "gebruik_nooit")));
    }

    @Test
    void collisionsIgnoreCase() {
        assertEquals(List.of("Naam", "naam_1"), ShapefileFieldNames.shorten(List.of("Naam", "naam")));
    }

    @Test
    void accentsLigaturesAndOddCharactersBecomeAscii() {
        assertEquals(List.of("categorie", "ijzer_hal", "FIELD"), ShapefileFieldNames.shorten(List.of("catégorie", "ĳzer-hal", "")));
    }

    @Test
    void manyCollisionsStayUniqueAndShort() {
        List<String> in = IntStream.range(0, 120).mapToObj(i -> "kenmerk_nummer_" + i).collect(Collectors.toList());
        List<String> out = ShapefileFieldNames.shorten(in);
        assertEquals(120, new HashSet<>(out.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList()).size());
        assertTrue(out.stream().allMatch(s -> s.length() <= 10), out.toString());
        assertEquals("kenmerk_10", out.get(10));
        assertEquals("kenmer_100", out.get(100));
    }
}
