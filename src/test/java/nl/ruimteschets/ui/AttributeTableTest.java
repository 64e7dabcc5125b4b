package nl.ruimteschets.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import nl.ruimteschets.geo.Rd;
import nl.ruimteschets.model.Feature;
import nl.ruimteschets.model.Field;
import nl.ruimteschets.model.FieldType;
import nl.ruimteschets.model.Layer;
import nl.ruimteschets.model.LayerRole;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.locationtech.jts.geom.Coordinate;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class AttributeTableTest {
    final List<Feature> selected = new CopyOnWriteArrayList<>();
    Layer layer;
    Stage window;

    /** Heights 9, 10, 100 and 2.5 sort differently as text ("10" < "100" < "2.5" < "9") than as numbers. */
    @Start
    void start(Stage stage) {
        String[] names = {"Café Zwaan", "Boerderij", "Kerk", "Zwembad"};
        double[] heights = {9, 10, 100, 2.5};
        List<Feature> features = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            features.add(new Feature(i + 1, Rd.FACTORY.createPoint(new Coordinate(155000 + i, 463000)),
                    new Object[] {names[i], heights[i], i == 3 ? null : (long) i * 7}));
        }
        layer = new Layer("Gebouwen", LayerRole.SENSITIVE, List.of(new Field("naam", FieldType.TEXT),
                new Field("hoogte", FieldType.REAL), new Field("code", FieldType.INTEGER)), features, Map.of(), "", null);
        stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 300, 200));
        stage.show();
        window = AttributeTable.show(stage, layer, Locale.forLanguageTag("nl"), selected::add);
    }

    @SuppressWarnings("unchecked")
    TableView<Feature> table(FxRobot robot) {
        return robot.lookup("#attributeTable").queryAs(TableView.class);
    }

    String count(FxRobot robot) {
        return robot.lookup("#attributeCount").queryAs(Label.class).getText();
    }

    @Test
    void windowIsTitledWithTheLayerAndShowsAllRows(FxRobot robot) {
        assertTrue(window.getTitle().contains("Gebouwen"));
        assertEquals(4, table(robot).getItems().size());
        assertEquals(List.of("id", "naam", "hoogte", "code"),
                table(robot).getColumns().stream().map(TableColumn::getText).toList());
        assertEquals("4 van 4 objecten", count(robot));
    }

    @Test
    void filterNarrowsRowsCaseInsensitivelyOverAllColumns(FxRobot robot) throws Exception {
        robot.clickOn("#attributeFilter").write("ZW");
        // wait for what is checked: the rows AND the count label, which follows the rows a pulse later
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> table(robot).getItems().size() == 2 && "2 van 4 objecten".equals(count(robot)));
        assertEquals(List.of(1L, 4L), table(robot).getItems().stream().map(Feature::id).toList());

        robot.eraseText(2).write("100");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> table(robot).getItems().size() == 1 && "1 van 4 objecten".equals(count(robot)));
        assertEquals(3L, table(robot).getItems().get(0).id(), "a number column matches as shown (100, not 100.0)");
    }

    @Test
    void sortingANumericColumnOrdersByValue(FxRobot robot) throws Exception {
        Node header = robot.lookup(".column-header .label").lookup("hoogte").query();
        robot.clickOn(header);
        waitForHeights(robot, List.of(2.5, 9.0, 10.0, 100.0));
        robot.clickOn(header);
        waitForHeights(robot, List.of(100.0, 10.0, 9.0, 2.5));
    }

    @Test
    void selectingARowReportsItsFeature(FxRobot robot) throws Exception {
        robot.clickOn("Kerk");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> selected.size() == 1);
        assertSame(layer.features().get(2), selected.get(0));
    }

    @Test
    void hundredThousandRowsFilterAndSort(FxRobot robot) throws Exception {
        List<Feature> many = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            many.add(new Feature(i + 1, Rd.FACTORY.createPoint(new Coordinate(155000, 463000)),
                    new Object[] {"Pand " + i, (double) (i % 977), (long) i}));
        }
        Layer big = new Layer("Panden", LayerRole.SENSITIVE, layer.fields(), many, Map.of(), "", null);
        // No duration is asserted here (a loaded machine made "opened in 6296 ms" fail): speed is for benchmarks.
        Stage[] stage = new Stage[1];
        robot.interact(() -> stage[0] = AttributeTable.show(null, big, Locale.ENGLISH, f -> { }));
        @SuppressWarnings("unchecked")
        TableView<Feature> table = robot.from(stage[0].getScene().getRoot()).lookup("#attributeTable")
                .queryAs(TableView.class);
        assertEquals(100_000, table.getItems().size());
        robot.interact(() -> table.getSortOrder().setAll(List.of(table.getColumns().get(2))));
        assertEquals(0.0, table.getItems().get(0).value(1));
        robot.interact(() -> ((javafx.scene.control.TextField) robot.from(stage[0].getScene().getRoot())
                .lookup("#attributeFilter").query()).setText("pand 9999"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().size() == 11); // 9999 and 99990..99999
        robot.interact(stage[0]::close);
    }

    private void waitForHeights(FxRobot robot, List<Double> expected) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> expected.equals(table(robot).getItems().stream().map(f -> f.value(1)).toList()));
    }
}
