package nl.ruimteschets.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import nl.ruimteschets.model.InputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CrsRegistryTest {

    static final String ESRI_RD = "PROJCS[\"RD_New\",GEOGCS[\"GCS_Amersfoort\",DATUM[\"D_Amersfoort\","
            + "SPHEROID[\"Bessel_1841\",6377397.155,299.1528128]],PRIMEM[\"Greenwich\",0.0],"
            + "UNIT[\"Degree\",0.0174532925199433]],PROJECTION[\"Double_Stereographic\"],"
            + "PARAMETER[\"False_Easting\",155000.0],PARAMETER[\"False_Northing\",463000.0],"
            + "PARAMETER[\"Central_Meridian\",5.38763888888889],PARAMETER[\"Scale_Factor\",0.9999079],"
            + "PARAMETER[\"Latitude_Of_Origin\",52.15616055555555],UNIT[\"Meter\",1.0]]";
    static final String OGC_RD = "PROJCS[\"Amersfoort / RD New\",GEOGCS[\"Amersfoort\",DATUM[\"Amersfoort\","
            + "SPHEROID[\"Bessel 1841\",6377397.155,299.1528128,AUTHORITY[\"EPSG\",\"7004\"]],"
            + "AUTHORITY[\"EPSG\",\"6289\"]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],"
            + "AUTHORITY[\"EPSG\",\"4289\"]],PROJECTION[\"Oblique_Stereographic\"],UNIT[\"metre\",1],"
            + "AUTHORITY[\"EPSG\",\"28992\"]]";

    @Test
    void esriPrjOfRdNewIsRecognisedByName() throws Exception {
        assertEquals(28992, CrsRegistry.identify(new SourceCrs(null, ESRI_RD, "kavels.prj")));
    }

    @Test
    void ogcWktUsesTheTopLevelAuthorityNotTheDatumOne() throws Exception {
        assertEquals(28992, CrsRegistry.identify(new SourceCrs(null, OGC_RD, "x.prj")));
    }

    @ParameterizedTest
    @CsvSource({
        "'GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]', 4326",
        "'GEOGCS[\"GCS_ETRS_1989\",DATUM[\"D_ETRS_1989\",SPHEROID[\"GRS_1980\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]', 4258",
        "'PROJCS[\"WGS_1984_Web_Mercator_Auxiliary_Sphere\",GEOGCS[\"GCS_WGS_1984\"]]', 3857",
        "'PROJCS[\"ETRS_1989_UTM_Zone_31N\",GEOGCS[\"GCS_ETRS_1989\"]]', 25831",
        "'PROJCS[\"WGS_1984_UTM_Zone_31N\",GEOGCS[\"GCS_WGS_1984\"]]', 32631",
    })
    void esriNamesOfCommonDutchCrsAreRecognised(String wkt, int epsg) throws Exception {
        assertEquals(epsg, CrsRegistry.identify(new SourceCrs(null, wkt, "f.prj")));
    }

    @Test
    void noCrsStatedGivesNull() throws Exception {
        assertNull(CrsRegistry.identify(SourceCrs.NONE));
    }

    @Test
    void unknownCrsIsRefusedWithItsNameInTheMessage() {
        InputException e = assertThrows(InputException.class, () -> CrsRegistry.identify(
                new SourceCrs(null, "PROJCS[\"Lambert_72_Fantasie\",GEOGCS[\"x\"]]", "be.prj")));
        String nl = e.getMessage(Locale.forLanguageTag("nl"));
        assertTrue(nl.contains("Lambert_72_Fantasie") && nl.contains("be.prj"), nl);
        assertTrue(e.getMessage(Locale.ENGLISH).startsWith("Unknown coordinate reference system"));
    }
}
