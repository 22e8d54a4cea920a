package org.labellens.ui.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.review.AdjudicationCase;
import org.labellens.core.validation.Adjudication;
import org.labellens.core.validation.Gold;
import org.labellens.service.AdjudicationService;
import org.labellens.service.AnnotationService;
import org.labellens.service.IssueDisplay;
import org.labellens.service.IssueDisplayService;
import org.labellens.ui.common.BackgroundExecutor;

/**
 * The lead's adjudication queue (the items of {@code labellens adjudicate --sample S}, adjudicated
 * ones kept with a mark): for the selected item every annotator's final decision side by side with
 * the classifier's value, its evidence and the gold so far; for the active dimension a draft gold
 * value and a note, committed through {@link AdjudicationService#adjudicate} like the command's
 * {@code --value}. Built for the keyboard: next and previous item, next and previous dimension,
 * digit keys toggle (or pick) the n-th label, commit moves on to the next open dimension.
 */
public final class AdjudicationViewModel {
  /** What the lead adjudicates as when nobody says otherwise (as the command line). */
  public static final String DEFAULT_LEAD = "lead";

  private final AdjudicationService service;
  private final AnnotationService annotations;
  private final IssueDisplayService displays;
  private final BackgroundExecutor background;

  private String sample;
  private AnnotationScheme scheme;
  private final ObservableList<AdjudicationCase> queue = FXCollections.observableArrayList();
  private final ReadOnlyIntegerWrapper selected = new ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyObjectWrapper<AdjudicationCase> current = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<IssueDisplay> display = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyStringWrapper dimension = new ReadOnlyStringWrapper();
  private final ObservableList<String> options = FXCollections.observableArrayList();
  private final ReadOnlyBooleanWrapper setValued = new ReadOnlyBooleanWrapper(false);
  private final ObservableList<String> draft = FXCollections.observableArrayList();
  private final StringProperty note = new SimpleStringProperty("");
  private final StringProperty lead = new SimpleStringProperty(DEFAULT_LEAD);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
  private int generation;
  private int displayGeneration;

  public AdjudicationViewModel(
      AdjudicationService service,
      AnnotationService annotations,
      IssueDisplayService displays,
      BackgroundExecutor background) {
    this.service = service;
    this.annotations = annotations;
    this.displays = displays;
    this.background = background;
  }

  private record Loaded(AnnotationScheme scheme, List<AdjudicationCase> queue) {}

  /** Loads the sample's queue in the background (null clears) and selects the first open item. */
  public void open(String name) {
    int g = ++generation;
    sample = name;
    scheme = null;
    queue.clear();
    select(-1);
    if (name == null) {
      busy.set(false);
      message.set("");
      return;
    }
    busy.set(true);
    message.set("loading the adjudication queue of " + name + " …");
    background.run(
        () -> new Loaded(annotations.scheme(name), service.queue(name, true)),
        loaded -> {
          if (g != generation) {
            return;
          }
          busy.set(false);
          scheme = loaded.scheme();
          queue.setAll(loaded.queue());
          updateProgress();
          message.set(
              queue.isEmpty()
                  ? "nothing to adjudicate: the annotators agree and nobody was unsure"
                  : "");
          select(firstOpen(0));
        },
        e -> {
          if (g == generation) {
            busy.set(false);
            message.set("error: " + ReviewViewModel.describe(e));
          }
        });
  }

  private int firstOpen(int from) {
    for (int k = 0; k < queue.size(); k++) {
      int i = (from + k) % queue.size();
      if (queue.get(i).open()) {
        return i;
      }
    }
    return queue.isEmpty() ? -1 : Math.min(from, queue.size() - 1);
  }

  /** Selects the item at {@code index} of the queue (-1: none) and loads its text. */
  public void select(int index) {
    if (index < -1 || index >= queue.size()) {
      return;
    }
    selected.set(index);
    AdjudicationCase c = index < 0 ? null : queue.get(index);
    boolean same = c != null && current.get() != null && current.get().issue().equals(c.issue());
    current.set(c);
    if (c == null) {
      display.set(null);
      activate(null);
      return;
    }
    activate(firstDimension(c));
    if (!same) {
      loadDisplay(c);
    }
  }

  private void loadDisplay(AdjudicationCase c) {
    int g = ++displayGeneration;
    display.set(null);
    String s = sample;
    background.run(
        () -> displays.display(s, c.issue()),
        d -> {
          if (g == displayGeneration) {
            display.set(d);
          }
        },
        e -> {
          if (g == displayGeneration) {
            message.set("error: " + ReviewViewModel.describe(e));
          }
        });
  }

  private static String firstDimension(AdjudicationCase c) {
    for (AdjudicationCase.DimensionState d : c.dimensions()) {
      if (d.open()) {
        return d.dimension();
      }
    }
    for (AdjudicationCase.DimensionState d : c.dimensions()) {
      if (d.flagged()) {
        return d.dimension();
      }
    }
    return c.dimensions().isEmpty() ? null : c.dimensions().get(0).dimension();
  }

  public void next() {
    if (selected.get() < queue.size() - 1) {
      select(selected.get() + 1);
    }
  }

  public void previous() {
    if (selected.get() > 0) {
      select(selected.get() - 1);
    }
  }

  /** Moves to the item's next ({@code +1}) or previous ({@code -1}) dimension. */
  public void moveDimension(int step) {
    AdjudicationCase c = current.get();
    if (c == null || c.dimensions().isEmpty()) {
      return;
    }
    int n = c.dimensions().size();
    int i = indexOf(c, dimension.get());
    activate(c.dimensions().get(Math.floorMod(i + step, n)).dimension());
  }

  private static int indexOf(AdjudicationCase c, String dim) {
    for (int i = 0; i < c.dimensions().size(); i++) {
      if (c.dimensions().get(i).dimension().equals(dim)) {
        return i;
      }
    }
    return 0;
  }

  private void activate(String dim) {
    dimension.set(dim);
    AdjudicationCase c = current.get();
    SchemeDimension d = dim == null || scheme == null ? null : scheme.dimension(dim).orElse(null);
    if (c == null || d == null) {
      options.clear();
      draft.clear();
      note.set("");
      setValued.set(false);
      return;
    }
    options.setAll(d.labels());
    setValued.set(d.kind().isSet());
    AdjudicationCase.DimensionState state = c.dimensions().get(indexOf(c, dim));
    List<String> start = new ArrayList<>();
    if (state.adjudication() != null) {
      start.addAll(state.adjudication().value().labels());
    } else if (state.gold().isResolved()) {
      start.addAll(state.gold().value().labels());
    } else if (d.kind().isSet()) {
      Gold g = state.gold();
      for (Map.Entry<String, Integer> v : g.votes().entrySet()) {
        if (2 * v.getValue() > g.annotators()) {
          start.add(v.getKey());
        }
      }
    }
    draft.setAll(ordered(d, start));
    note.set(
        state.adjudication() == null || state.adjudication().note() == null
            ? ""
            : state.adjudication().note());
  }

  private static List<String> ordered(SchemeDimension d, List<String> labels) {
    List<String> out = new ArrayList<>();
    for (String l : d.labels()) {
      if (labels.contains(l)) {
        out.add(l);
      }
    }
    return out;
  }

  /**
   * The digit key {@code n} (1-based): toggles the n-th label of a set-valued dimension, picks it
   * for a single-label one. 0 empties a set.
   */
  public void choose(int n) {
    if (scheme == null || dimension.get() == null) {
      return;
    }
    SchemeDimension d = scheme.require(dimension.get());
    if (n == 0) {
      if (d.kind().isSet()) {
        draft.clear();
      }
      return;
    }
    if (n < 1 || n > d.labels().size()) {
      return;
    }
    String label = d.labels().get(n - 1);
    if (d.kind().isSet()) {
      List<String> next = new ArrayList<>(draft);
      if (!next.remove(label)) {
        next.add(label);
      }
      draft.setAll(ordered(d, next));
    } else {
      draft.setAll(label);
    }
  }

  /** Whether the draft can be committed: a set may be empty, a single label must be chosen. */
  public boolean canCommit() {
    return current.get() != null
        && dimension.get() != null
        && !busy.get()
        && (setValued.get() || draft.size() == 1);
  }

  /**
   * Sets the draft as the item's gold on the active dimension (with the note), in the background;
   * then reloads the queue and moves to the next open dimension of the item, else the next open
   * item.
   */
  public void commit() {
    if (!canCommit()) {
      message.set(
          current.get() == null ? "no item selected" : "choose a label first (digit keys 1–9)");
      return;
    }
    AdjudicationCase c = current.get();
    String dim = dimension.get();
    DecisionValue value =
        setValued.get()
            ? DecisionValue.set(List.copyOf(draft))
            : DecisionValue.single(draft.get(0));
    String text = note.get();
    String who = lead.get() == null ? "" : lead.get().trim();
    String s = sample;
    int g = generation;
    busy.set(true);
    message.set("saving …");
    background.run(
        () -> {
          Adjudication a = service.adjudicate(s, c.issue(), dim, value, text, who);
          return new Saved(a, service.queue(s, true));
        },
        saved -> {
          if (g != generation) {
            return;
          }
          busy.set(false);
          afterSave(c, dim, saved);
        },
        e -> {
          if (g == generation) {
            busy.set(false);
            message.set("error: " + ReviewViewModel.describe(e));
          }
        });
  }

  private record Saved(Adjudication adjudication, List<AdjudicationCase> queue) {}

  private void afterSave(AdjudicationCase before, String dim, Saved saved) {
    Adjudication a = saved.adjudication();
    message.set(
        "saved: "
            + a.issue()
            + " "
            + a.dimension()
            + " = "
            + label(a.value())
            + (a.note() == null ? "" : " (note kept)"));
    queue.setAll(saved.queue());
    updateProgress();
    int here = -1;
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).issue().equals(before.issue())) {
        here = i;
      }
    }
    if (here < 0) {
      select(firstOpen(Math.max(0, selected.get())));
      return;
    }
    AdjudicationCase updated = queue.get(here);
    selected.set(here);
    current.set(updated);
    if (updated.open()) {
      activate(firstDimension(updated));
    } else {
      select(firstOpen((here + 1) % queue.size()));
    }
  }

  private void updateProgress() {
    long open = queue.stream().filter(AdjudicationCase::open).count();
    progress.set(
        queue.isEmpty()
            ? ""
            : (queue.size() - open)
                + " of "
                + queue.size()
                + " items adjudicated, "
                + open
                + " open");
  }

  /** A value for people: labels joined by ", ", the empty set as "(none)". */
  public static String label(DecisionValue v) {
    if (v == null) {
      return "—";
    }
    if (v.labels().isEmpty()) {
      return "(none)";
    }
    return String.join(", ", v.labels());
  }

  /**
   * Each annotator's final decision on each of the item's dimensions (the latest phase: revealed
   * over blind), by annotator in name order.
   */
  public static Map<String, Map<String, Decision>> finalDecisions(AdjudicationCase c) {
    Map<String, Map<String, Decision>> out = new LinkedHashMap<>();
    for (Decision d : c.decisions()) {
      Map<String, Decision> byDim = out.computeIfAbsent(d.annotator(), k -> new LinkedHashMap<>());
      Decision earlier = byDim.get(d.dimension());
      if (earlier == null || d.phase().compareTo(earlier.phase()) > 0) {
        byDim.put(d.dimension(), d);
      }
    }
    return out;
  }

  public ObservableList<AdjudicationCase> queue() {
    return queue;
  }

  public ReadOnlyIntegerProperty selectedProperty() {
    return selected.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<AdjudicationCase> currentProperty() {
    return current.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<IssueDisplay> displayProperty() {
    return display.getReadOnlyProperty();
  }

  /** The dimension the digit keys and commit act on. */
  public ReadOnlyStringProperty dimensionProperty() {
    return dimension.getReadOnlyProperty();
  }

  /** The active dimension's labels, in the order of the digit keys. */
  public ObservableList<String> options() {
    return options;
  }

  public ReadOnlyBooleanProperty setValuedProperty() {
    return setValued.getReadOnlyProperty();
  }

  /** The gold value being drafted for the active dimension (labels in scheme order). */
  public ObservableList<String> draft() {
    return draft;
  }

  public StringProperty noteProperty() {
    return note;
  }

  public StringProperty leadProperty() {
    return lead;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty progressProperty() {
    return progress.getReadOnlyProperty();
  }
}
