package org.labellens.ui.annotate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.labellens.core.annotation.AnnotationQueue;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionOrigin;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.ItemState;
import org.labellens.core.annotation.Phase;
import org.labellens.core.annotation.QueueItem;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.service.AnnotationService;
import org.labellens.service.IssueDisplay;
import org.labellens.service.IssueDisplayService;
import org.labellens.ui.common.BackgroundExecutor;

/**
 * The annotation session of one annotator on one sample: the queue, the issue shown, and the draft
 * decision for every dimension of the sample's scheme.
 *
 * <p>Flow. In a revealed sample the draft starts from the classifier's labels. In a blind-first
 * sample the item is first decided blind (no classifier output shown, empty draft); committing
 * stores the blind phase and reveals the classifier's labels and evidence, keeping the blind
 * choices as the draft to revise; committing again stores the revealed phase and moves on. Every
 * commit is one transaction on the database's writer thread; the next issue is shown only after the
 * commit succeeded, and is loaded in the background meanwhile, so the annotator does not wait for
 * either.
 */
public final class AnnotateViewModel {
  /** The dimension whose labels are toggles (keys 1–8). */
  public static final String CATEGORY = "category";

  private final AnnotationService annotations;
  private final IssueDisplayService displays;
  private final BackgroundExecutor background;
  private final Clock clock;

  private final ReadOnlyStringWrapper sample = new ReadOnlyStringWrapper();
  private final ReadOnlyStringWrapper annotator = new ReadOnlyStringWrapper();
  private final ReadOnlyObjectWrapper<AnnotationScheme> scheme = new ReadOnlyObjectWrapper<>();
  private final ObservableList<QueueItem> queue = FXCollections.observableArrayList();
  private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(-1);
  private final ReadOnlyObjectWrapper<IssueDisplay> shown = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.REVEALED);
  private final ReadOnlyBooleanWrapper blindFirst = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyIntegerWrapper decided = new ReadOnlyIntegerWrapper();

  private final ObservableList<String> categoryLabels = FXCollections.observableArrayList();
  private final List<BooleanProperty> categories = new ArrayList<>();
  private final StringProperty primary = new SimpleStringProperty();
  private final StringProperty production = new SimpleStringProperty();
  private final StringProperty rootCause = new SimpleStringProperty();
  private final StringProperty severity = new SimpleStringProperty();
  private final BooleanProperty unsure = new SimpleBooleanProperty();
  private final ObjectProperty<String> reason = new SimpleObjectProperty<>();
  private final StringProperty note = new SimpleStringProperty("");

  private Instant shownAt;
  private long loadGeneration;

  public AnnotateViewModel(
      AnnotationService annotations,
      IssueDisplayService displays,
      BackgroundExecutor background,
      Clock clock) {
    this.annotations = annotations;
    this.displays = displays;
    this.background = background;
    this.clock = clock;
  }

  /** Opens the annotator's queue of {@code sampleName} at the first item not yet decided. */
  public void open(String sampleName, String annotatorName) {
    busy.set(true);
    status.set("opening " + sampleName + " …");
    background.run(
        () ->
            new Opened(
                annotations.scheme(sampleName), annotations.queue(sampleName, annotatorName)),
        opened -> {
          sample.set(sampleName);
          annotator.set(annotatorName);
          setScheme(opened.scheme());
          applyQueue(opened.queue());
          busy.set(false);
          status.set("");
          int resume = opened.queue().resumeIndex();
          if (resume < 0) {
            finished.set(true);
            status.set("every item of this sample is decided");
            if (!queue.isEmpty()) {
              show(queue.size() - 1, false);
            }
          } else {
            show(resume, false);
          }
        },
        this::fail);
  }

  private record Opened(AnnotationScheme scheme, AnnotationQueue queue) {}

  private void setScheme(AnnotationScheme s) {
    if (s.equals(scheme.get())) {
      return;
    }
    categoryLabels.setAll(s.dimension(CATEGORY).map(SchemeDimension::labels).orElse(List.of()));
    categories.clear();
    for (int i = 0; i < categoryLabels.size(); i++) {
      categories.add(new SimpleBooleanProperty());
    }
    scheme.set(s);
  }

  private void applyQueue(AnnotationQueue q) {
    blindFirst.set(q.blindFirst());
    queue.setAll(q.items());
    decided.set(q.progress().decided());
  }

  /** Shows queue item {@code i}: loads the issue in the background, then sets the draft. */
  private void show(int i, boolean goingBack) {
    if (i < 0 || i >= queue.size()) {
      return;
    }
    long gen = ++loadGeneration;
    QueueItem item = queue.get(i);
    String s = sample.get();
    String a = annotator.get();
    busy.set(true);
    background.run(
        () -> load(s, a, item),
        loaded -> {
          if (gen != loadGeneration) {
            return;
          }
          present(i, loaded);
        },
        this::fail);
  }

  /** Shows a loaded item: the phase, the issue and the draft. */
  private void present(int i, Loaded loaded) {
    QueueItem item = queue.get(i);
    busy.set(false);
    index.set(i);
    Phase p =
        blindFirst.get() && !item.blindDecided() && item.state() != ItemState.DECIDED
            ? Phase.BLIND
            : Phase.REVEALED;
    phase.set(p);
    shown.set(loaded.display());
    setDraft(loaded.display(), loaded.decisions(), p);
    shownAt = clock.instant();
  }

  private record Loaded(IssueDisplay display, List<Decision> decisions) {}

  /**
   * Draft: the latest decisions if any (revealed over blind), else the classifier's, else empty.
   */
  private void setDraft(IssueDisplay display, List<Decision> previous, Phase p) {
    Map<String, DecisionValue> values = new LinkedHashMap<>();
    boolean wasUnsure = false;
    String wasReason = null;
    String wasNote = "";
    for (Phase which : List.of(Phase.BLIND, Phase.REVEALED)) {
      for (Decision d : previous) {
        if (d.phase() == which) {
          values.put(d.dimension(), d.value());
          wasUnsure |= d.unsure();
          if (d.reason() != null) {
            wasReason = d.reason();
          }
          if (d.note() != null && !d.note().isEmpty()) {
            wasNote = d.note();
          }
        }
      }
    }
    if (values.isEmpty() && p == Phase.REVEALED) {
      values.putAll(display.predicted());
    }
    List<String> chosen = values.containsKey(CATEGORY) ? values.get(CATEGORY).labels() : List.of();
    for (int k = 0; k < categories.size(); k++) {
      categories.get(k).set(chosen.contains(categoryLabels.get(k)));
    }
    primary.set(single(values, "primary"));
    production.set(single(values, "production"));
    rootCause.set(single(values, "root_cause"));
    severity.set(single(values, "severity"));
    unsure.set(wasUnsure);
    reason.set(wasReason);
    note.set(wasNote);
  }

  private static String single(Map<String, DecisionValue> values, String dimension) {
    DecisionValue v = values.get(dimension);
    return v == null || v.set() || v.labels().isEmpty() ? null : v.label();
  }

  /** Toggles category {@code k} (0-based; keys 1–8). */
  public void toggleCategory(int k) {
    if (k >= 0 && k < categories.size() && !busy.get()) {
      categories.get(k).set(!categories.get(k).get());
    }
  }

  /**
   * Commits the draft for the item shown (Enter). Blind phase: stores it and reveals the
   * classifier. Revealed phase: stores it and shows the next pending item.
   */
  public void commit() {
    IssueDisplay display = shown.get();
    if (display == null || busy.get()) {
      return;
    }
    Phase p = phase.get();
    List<Decision> draft = draftDecisions(display, p);
    int at = index.get();
    busy.set(true);
    status.set("saving …");
    // While the decision is written (and waits for the disk), the next issue is loaded in parallel;
    // it is shown once both are done, and only if the write succeeded.
    int guess = p == Phase.REVEALED ? nextPendingAfterCommit(at) : -1;
    long gen = ++loadGeneration;
    Object[] parts = new Object[2];
    Runnable finish =
        () -> {
          if (parts[0] == null || (guess >= 0 && parts[1] == null) || gen != loadGeneration) {
            return;
          }
          AnnotationQueue q = (AnnotationQueue) parts[0];
          busy.set(false);
          status.set(
              "saved "
                  + display.issue().repo()
                  + "#"
                  + display.issue().number()
                  + (p == Phase.BLIND ? " (blind); now with the classifier's labels" : ""));
          applyQueue(q);
          if (p == Phase.BLIND) {
            phase.set(Phase.REVEALED);
            shownAt = clock.instant();
            return;
          }
          int next = nextPending(at);
          Preloaded pre = (Preloaded) parts[1];
          if (next < 0) {
            finished.set(true);
            status.set("all done: every item of this sample is decided");
          } else if (pre != null
              && pre.loaded() != null
              && queue.get(next).issueId() == pre.issueId()) {
            present(next, pre.loaded());
          } else {
            show(next, false);
          }
        };
    background.run(
        () -> {
          annotations.decideAll(draft, DecisionOrigin.WINDOW);
          return annotations.queue(sample.get(), annotator.get());
        },
        q -> {
          parts[0] = q;
          finish.run();
        },
        e -> {
          loadGeneration++;
          busy.set(false);
          fail(e);
        });
    if (guess >= 0) {
      QueueItem item = queue.get(guess);
      String s = sample.get();
      String a = annotator.get();
      background.run(
          () -> new Preloaded(item.issueId(), load(s, a, item)),
          pre -> {
            parts[1] = pre;
            finish.run();
          },
          e -> {
            parts[1] = new Preloaded(-1, null);
            finish.run();
          });
    }
  }

  private record Preloaded(long issueId, Loaded loaded) {}

  private Loaded load(String s, String a, QueueItem item) {
    return new Loaded(
        displays.display(s, item.issueId()), annotations.decisions(s, a, item.issue()));
  }

  /** The item that will be next once the item at {@code at} is decided. */
  private int nextPendingAfterCommit(int at) {
    for (int i = at + 1; i < queue.size(); i++) {
      if (queue.get(i).state() == ItemState.PENDING) {
        return i;
      }
    }
    return -1;
  }

  private int nextPending(int after) {
    for (int i = after + 1; i < queue.size(); i++) {
      if (queue.get(i).state() == ItemState.PENDING) {
        return i;
      }
    }
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).state() != ItemState.DECIDED) {
        return i;
      }
    }
    return -1;
  }

  /** Goes back to the previous item to change its decision (one key). */
  public void back() {
    if (!busy.get() && index.get() > 0) {
      finished.set(false);
      show(index.get() - 1, true);
    }
  }

  /** Skips the item shown (S): it returns at the end of the queue. */
  public void skip() {
    IssueDisplay display = shown.get();
    if (display == null || busy.get()) {
      return;
    }
    busy.set(true);
    background.run(
        () -> {
          annotations.skip(sample.get(), annotator.get(), display.issue().key());
          return annotations.queue(sample.get(), annotator.get());
        },
        q -> {
          busy.set(false);
          applyQueue(q);
          status.set("skipped " + display.issue().repo() + "#" + display.issue().number());
          // skipped items move to the end of the working order: go on with the first pending one
          int next = q.resumeIndex();
          if (next >= 0) {
            show(next, false);
          }
        },
        e -> {
          busy.set(false);
          fail(e);
        });
  }

  /** Jumps to queue item {@code i} (a click in the queue list). */
  public void open(int i) {
    if (!busy.get()) {
      show(i, false);
    }
  }

  private List<Decision> draftDecisions(IssueDisplay display, Phase p) {
    Instant now = clock.instant();
    double seconds = shownAt == null ? 0 : Duration.between(shownAt, now).toMillis() / 1000.0;
    AnnotationScheme s = scheme.get();
    List<Decision> out = new ArrayList<>();
    for (SchemeDimension dim : s.dimensions()) {
      DecisionValue value = draftValue(dim.id());
      if (value == null) {
        continue;
      }
      DecisionValue predicted = p == Phase.REVEALED ? display.predicted().get(dim.id()) : null;
      out.add(
          new Decision(
              sample.get(),
              display.issue().key(),
              annotator.get(),
              dim.id(),
              value,
              p,
              predicted,
              unsure.get(),
              reason.get(),
              note.get() == null || note.get().isBlank() ? null : note.get().strip(),
              seconds,
              now,
              s.reference()));
    }
    return out;
  }

  private DecisionValue draftValue(String dimension) {
    return switch (dimension) {
      case CATEGORY -> {
        List<String> chosen = new ArrayList<>();
        for (int k = 0; k < categories.size(); k++) {
          if (categories.get(k).get()) {
            chosen.add(categoryLabels.get(k));
          }
        }
        yield DecisionValue.set(chosen);
      }
      case "primary" -> value(primary.get());
      case "production" -> value(production.get());
      case "root_cause" -> value(rootCause.get());
      case "severity" -> value(severity.get());
      default -> null;
    };
  }

  private static DecisionValue value(String v) {
    return v == null || v.isBlank() ? null : DecisionValue.single(v);
  }

  private void fail(Throwable e) {
    busy.set(false);
    status.set("error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
  }

  // ---- properties --------------------------------------------------------------------------

  public ReadOnlyStringProperty sampleProperty() {
    return sample.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty annotatorProperty() {
    return annotator.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<AnnotationScheme> schemeProperty() {
    return scheme.getReadOnlyProperty();
  }

  public ObservableList<QueueItem> queue() {
    return queue;
  }

  public ReadOnlyIntegerProperty indexProperty() {
    return index.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<IssueDisplay> shownProperty() {
    return shown.getReadOnlyProperty();
  }

  public ReadOnlyObjectProperty<Phase> phaseProperty() {
    return phase.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty blindFirstProperty() {
    return blindFirst.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty finishedProperty() {
    return finished.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty statusProperty() {
    return status.getReadOnlyProperty();
  }

  public ReadOnlyIntegerProperty decidedProperty() {
    return decided.getReadOnlyProperty();
  }

  public ObservableList<String> categoryLabels() {
    return categoryLabels;
  }

  public BooleanProperty category(int k) {
    return categories.get(k);
  }

  public StringProperty primaryProperty() {
    return primary;
  }

  public StringProperty productionProperty() {
    return production;
  }

  public StringProperty rootCauseProperty() {
    return rootCause;
  }

  public StringProperty severityProperty() {
    return severity;
  }

  public BooleanProperty unsureProperty() {
    return unsure;
  }

  public ObjectProperty<String> reasonProperty() {
    return reason;
  }

  public StringProperty noteProperty() {
    return note;
  }
}
