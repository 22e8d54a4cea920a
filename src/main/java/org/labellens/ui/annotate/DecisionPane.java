package org.labellens.ui.annotate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.control.Toggle;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.annotation.ValueKind;

/**
 * The decision controls, one group per dimension of the sample's scheme: a set's labels as toggles
 * (two columns), a binary or ordinal dimension's labels as a row of toggles, a single dimension's
 * labels in a list box, a free-text dimension as a text field; each titled with its keys, and after
 * the reveal with the classifier's value beside it. Bound both ways to the view model's draft.
 */
final class DecisionPane {
  private final VBox box;
  private final AnnotateViewModel viewModel;
  private final Map<String, Group> groups = new LinkedHashMap<>();

  /** One dimension's controls: its title, the classifier's value, and its toggles or list box. */
  private record Group(
      SchemeDimension dimension,
      Label classifier,
      List<ToggleButton> toggles,
      ToggleGroup group,
      ComboBox<String> list,
      TextField text) {}

  DecisionPane(VBox box, AnnotateViewModel viewModel) {
    this.box = box;
    this.viewModel = viewModel;
  }

  /** Builds the controls of {@code scheme}, their titles naming the keys of {@code keys}. */
  void build(AnnotationScheme scheme, AnnotateKeys keys) {
    box.getChildren().clear();
    groups.clear();
    String category =
        AnnotateViewModel.categoryDimension(scheme).map(SchemeDimension::id).orElse(null);
    for (SchemeDimension d : scheme.dimensions()) {
      String k = keys.keysOf(d.id());
      Label title = new Label(AnnotateKeys.name(d) + (k.isEmpty() ? "" : "  (" + k + ")"));
      title.getStyleClass().add("pane-title");
      title.setMinWidth(Region.USE_PREF_SIZE);
      Label classifier = new Label();
      classifier.setId("classifier-" + d.id());
      classifier.getStyleClass().addAll("muted", "classifier-value");
      Region grow = new Region();
      HBox.setHgrow(grow, Priority.ALWAYS);
      HBox head = new HBox(8, title, grow, classifier);
      box.getChildren().add(head);
      if (d.kind().isSet()) {
        TilePane tiles = new TilePane(4, 4);
        tiles.setPrefColumns(2);
        tiles.setPrefTileWidth(150);
        List<ToggleButton> toggles = new ArrayList<>();
        for (int i = 0; i < d.labels().size(); i++) {
          String label = d.labels().get(i);
          ToggleButton t = new ToggleButton((i < 9 ? (i + 1) + "  " : "") + label);
          if (d.id().equals(category)) {
            Region swatch = new Region();
            swatch.getStyleClass().addAll("category-swatch", "cat-" + i);
            t.setGraphic(swatch);
            t.getStyleClass().add("category-toggle");
          }
          t.setId(d.id() + "-" + label);
          t.setFocusTraversable(false);
          t.setMaxWidth(Double.MAX_VALUE);
          t.selectedProperty().bindBidirectional(viewModel.chosen(d.id(), i));
          toggles.add(t);
        }
        tiles.getChildren().setAll(toggles);
        box.getChildren().add(tiles);
        groups.put(d.id(), new Group(d, classifier, toggles, null, null, null));
      } else if (d.kind() == ValueKind.SINGLE && d.labels().size() > 5) {
        ComboBox<String> list = new ComboBox<>();
        list.getItems().setAll(d.labels());
        list.setId(d.id() + "Box");
        list.setMaxWidth(Double.MAX_VALUE);
        list.setFocusTraversable(false);
        list.valueProperty().bindBidirectional(viewModel.valueProperty(d.id()));
        box.getChildren().add(list);
        groups.put(d.id(), new Group(d, classifier, List.of(), null, list, null));
      } else if (!d.isCategorical()) {
        TextField field = new TextField();
        field.setId(d.id() + "Field");
        field.setPromptText(k.isEmpty() ? "free text" : "free text: " + k + " to write");
        field.setMaxWidth(Double.MAX_VALUE);
        field.setFocusTraversable(false);
        // the stored limit: longer text cannot be typed or pasted
        field.setTextFormatter(
            new TextFormatter<String>(
                c -> c.getControlNewText().length() <= AnnotationScheme.MAX_TEXT ? c : null));
        field.textProperty().bindBidirectional(viewModel.valueProperty(d.id()));
        box.getChildren().add(field);
        groups.put(d.id(), new Group(d, classifier, List.of(), null, null, field));
      } else {
        FlowPane row = new FlowPane(6, 4);
        ToggleGroup group = new ToggleGroup();
        List<ToggleButton> toggles = new ArrayList<>();
        for (String v : d.labels()) {
          ToggleButton t = new ToggleButton(v);
          t.setUserData(v);
          t.setToggleGroup(group);
          t.setFocusTraversable(false);
          t.setId(d.id() + "-" + v);
          toggles.add(t);
        }
        row.getChildren().setAll(toggles);
        box.getChildren().add(row);
        var value = viewModel.valueProperty(d.id());
        value.addListener((obs, o, n) -> selectIn(group, n));
        group
            .selectedToggleProperty()
            .addListener((obs, o, t) -> value.set(t == null ? null : (String) t.getUserData()));
        selectIn(group, value.get());
        groups.put(d.id(), new Group(d, classifier, toggles, group, null, null));
      }
    }
  }

  /** Shows the classifier's value beside each dimension's title (empty: hidden, blind). */
  void showClassifier(Map<String, DecisionValue> predicted, boolean shown) {
    for (Group g : groups.values()) {
      if (g.text() != null) {
        g.classifier().setVisible(false); // the classifier says nothing about free text
        continue;
      }
      DecisionValue v = shown ? predicted.get(g.dimension().id()) : null;
      g.classifier()
          .setText(
              !shown
                  ? ""
                  : "classifier: "
                      + (v == null
                          ? "—"
                          : v.labels().isEmpty() ? "none" : String.join(", ", v.labels())));
      g.classifier().setVisible(shown);
    }
  }

  /** Puts the focus in the field of a free-text dimension, the caret at the end. */
  void editText(String dimension) {
    Group g = groups.get(dimension);
    if (g != null && g.text() != null) {
      g.text().requestFocus();
      g.text().end();
    }
  }

  /** Sets a single-label dimension to its label {@code k}. */
  void pick(String dimension, int k) {
    Group g = groups.get(dimension);
    if (g != null && k >= 0 && k < g.dimension().labels().size()) {
      viewModel.valueProperty(dimension).set(g.dimension().labels().get(k));
    }
  }

  /** Moves a single-label dimension to its next (or previous) label. */
  void step(String dimension, boolean backwards) {
    Group g = groups.get(dimension);
    if (g != null) {
      var value = viewModel.valueProperty(dimension);
      value.set(next(g.dimension().labels(), value.get(), backwards));
    }
  }

  /** The item after (or before) {@code current} in {@code items}, wrapping; the first if none. */
  static String next(List<String> items, String current, boolean backwards) {
    if (items.isEmpty()) {
      return current;
    }
    int i = current == null ? -1 : items.indexOf(current);
    int n =
        i < 0
            ? (backwards ? items.size() - 1 : 0)
            : Math.floorMod(i + (backwards ? -1 : 1), items.size());
    return items.get(n);
  }

  private static void selectIn(ToggleGroup group, String value) {
    for (Toggle t : group.getToggles()) {
      if (t.getUserData().equals(value)) {
        group.selectToggle(t);
        return;
      }
    }
    group.selectToggle(null);
  }
}
