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
 * choices as the draft to revise; committing again stores the revealed phase and moves on.
 *
 * <p>Durability and latency. A commit is written in the background, one transaction per commit, in
 * the order of the commits (see {@link BackgroundExecutor#runInOrder}), and the window moves on
 * only once it is stored: what the annotator sees as done is on disk. While an issue is shown, the
 * next pending one is loaded and prepared (body parsed, highlights split, evidence counted) in the
 * background, so once the write is stored (a few milliseconds) it is shown at once; the queue is
 * updated in memory rather than read again. A write that fails is never lost silently: the status
 * says so and the item stays shown with the draft that could not be saved.
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
  private final ReadOnlyObjectWrapper<Presentation> presented = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyObjectWrapper<Presentation> upcoming = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyIntegerWrapper saving = new ReadOnlyIntegerWrapper();
  private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.REVEALED);
  private final ReadOnlyBooleanWrapper blindFirst = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
  private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
  private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
  private final ReadOnlyIntegerWrapper decided = new ReadOnlyIntegerWrapper();

  private final ObservableList<String> categoryLabels = FXCollections.observableArrayList();

  /** The draft of each set dimension: one property per label, in the scheme's order. */
  private final Map<String, List<BooleanProperty>> chosen = new LinkedHashMap<>();

  /** The draft of each single-label dimension (single, binary, ordinal): the label or null. */
  private final Map<String, StringProperty> values = new LinkedHashMap<>();

  private final BooleanProperty sourceView = new SimpleBooleanProperty();
  private final ViewPreferences preferences;
  private final BooleanProperty unsure = new SimpleBooleanProperty();
  private final ObjectProperty<String> reason = new SimpleObjectProperty<>();
  private final StringProperty note = new SimpleStringProperty("");

  private Instant shownAt;
  private long loadGeneration;
  private Preload preload;
  private final List<Save> unsaved = new ArrayList<>();
  private final List<Runnable> whenSaved = new ArrayList<>();

  /** What the view shows: the prepared issue in a phase (one change per issue or phase shown). */
  public record Presentation(PreparedIssue issue, Phase phase) {}

  /** The next pending issue, being prepared while the current one is shown. */
  private static final class Preload {
    final long issueId;
    PreparedIssue result;
    boolean failed;

    /** Set when a commit is waiting for this preload: the generation and queue index to show. */
    long wantedGeneration = -1;

    int wantedIndex = -1;

    Preload(long issueId) {
      this.issueId = issueId;
    }
  }

  /** A commit whose write has not finished yet. */
  private static final class Save {}

  public AnnotateViewModel(
      AnnotationService annotations,
      IssueDisplayService displays,
      BackgroundExecutor background,
      Clock clock) {
    this(annotations, displays, background, clock, ViewPreferences.inMemory());
  }

  /**
   * @param preferences where the annotator's choice of the issue's rendered or source text is kept
   */
  public AnnotateViewModel(
      AnnotationService annotations,
      IssueDisplayService displays,
      BackgroundExecutor background,
      Clock clock,
      ViewPreferences preferences) {
    this.annotations = annotations;
    this.displays = displays;
    this.background = background;
    this.clock = clock;
    this.preferences = preferences;
    sourceView.addListener(
        (obs, o, n) -> {
          if (annotator.get() != null) {
            preferences.putBoolean(SOURCE_VIEW_KEY + annotator.get(), n);
          }
        });
  }

  /** The preference that keeps, per annotator, whether the issue is shown as source text. */
  static final String SOURCE_VIEW_KEY = "annotate.source-view.";

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
          sourceView.set(preferences.getBoolean(SOURCE_VIEW_KEY + annotatorName, false));
          preload = null;
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

  /**
   * The dimension whose labels are the categories (keys 1–9, the highlight colours): the one named
   * {@value #CATEGORY}, else the scheme's first set dimension.
   */
  public static java.util.Optional<SchemeDimension> categoryDimension(AnnotationScheme s) {
    return s.dimension(CATEGORY)
        .filter(d -> d.kind().isSet())
        .or(() -> s.dimensions().stream().filter(d -> d.kind().isSet()).findFirst());
  }

  private void setScheme(AnnotationScheme s) {
    if (s.equals(scheme.get())) {
      return;
    }
    chosen.clear();
    values.clear();
    for (SchemeDimension d : s.dimensions()) {
      if (d.kind().isSet()) {
        List<BooleanProperty> labels = new ArrayList<>();
        for (int i = 0; i < d.labels().size(); i++) {
          labels.add(new SimpleBooleanProperty());
        }
        chosen.put(d.id(), List.copyOf(labels));
      } else {
        values.put(d.id(), new SimpleStringProperty());
      }
    }
    categoryLabels.setAll(categoryDimension(s).map(SchemeDimension::labels).orElse(List.of()));
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
    busy.set(true);
    background.run(
        loader(item),
        loaded -> {
          if (gen != loadGeneration) {
            return;
          }
          present(i, loaded);
        },
        this::fail);
  }

  /** Shows a prepared item: the phase, the issue and the draft; then prepares the next one. */
  private void present(int i, PreparedIssue loaded) {
    QueueItem item = queue.get(i);
    busy.set(false);
    index.set(i);
    Phase p = firstPhase(item);
    List<Decision> previous = loaded.decisions();
    phase.set(p);
    presented.set(new Presentation(loaded, p));
    shown.set(loaded.display());
    setDraft(loaded.display(), previous, p);
    shownAt = clock.instant();
    // the next item is prepared once this one is on screen: started at once, its work would
    // compete with drawing this one for the processor
    long gen = loadGeneration;
    background.later(
        PREPARE_NEXT_AFTER_MS,
        () -> {
          if (gen == loadGeneration && index.get() == i && !busy.get()) {
            preloadAfter(i);
          }
        });
  }

  /**
   * How long after an issue is shown the next one starts being prepared: a few frames, far less
   * than anyone takes to read an issue. A commit before that simply loads the next issue then.
   */
  static final long PREPARE_NEXT_AFTER_MS = 80;

  /** The phase an item is shown in first. */
  private Phase firstPhase(QueueItem item) {
    return blindFirst.get() && !item.blindDecided() && item.state() != ItemState.DECIDED
        ? Phase.BLIND
        : Phase.REVEALED;
  }

  /** Starts preparing the item that will be next once item {@code i} is decided. */
  private void preloadAfter(int i) {
    int next = nextPendingAfterCommit(i);
    if (next < 0) {
      preload = null;
      upcoming.set(null);
      return;
    }
    QueueItem item = queue.get(next);
    if (preload != null && preload.issueId == item.issueId() && !preload.failed) {
      return;
    }
    upcoming.set(null);
    Preload pre = new Preload(item.issueId());
    preload = pre;
    background.run(
        loader(item),
        loaded -> {
          pre.result = loaded;
          if (preload == pre) {
            upcoming.set(new Presentation(loaded, firstPhase(item)));
          }
          if (pre.wantedGeneration >= 0 && pre.wantedGeneration == loadGeneration) {
            pre.wantedGeneration = -1;
            present(pre.wantedIndex, loaded);
          }
        },
        e -> {
          pre.failed = true;
          if (pre.wantedGeneration >= 0 && pre.wantedGeneration == loadGeneration) {
            pre.wantedGeneration = -1;
            show(pre.wantedIndex, false);
          }
        });
  }

  /** Loads and prepares {@code item} (runs in the background). */
  private java.util.concurrent.Callable<PreparedIssue> loader(QueueItem item) {
    String s = sample.get();
    String a = annotator.get();
    List<String> labels = List.copyOf(categoryLabels);
    boolean blind = blindFirst.get();
    return () ->
        PreparedIssue.prepare(
            displays.display(s, item.issueId()),
            annotations.decisions(s, a, item.issue()),
            labels,
            blind);
  }

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
    for (SchemeDimension d : scheme.get().dimensions()) {
      if (d.kind().isSet()) {
        DecisionValue v = values.get(d.id());
        List<String> picked = v == null ? List.of() : v.labels();
        List<BooleanProperty> labels = chosen.get(d.id());
        for (int k = 0; k < labels.size(); k++) {
          labels.get(k).set(picked.contains(d.labels().get(k)));
        }
      } else {
        this.values.get(d.id()).set(single(values, d.id()));
      }
    }
    unsure.set(wasUnsure);
    reason.set(wasReason);
    note.set(wasNote);
  }

  private static String single(Map<String, DecisionValue> values, String dimension) {
    DecisionValue v = values.get(dimension);
    return v == null || v.set() || v.labels().isEmpty() ? null : v.label();
  }

  /** Toggles category {@code k} (0-based; keys 1–9). */
  public void toggleCategory(int k) {
    categoryDimension(scheme.get()).ifPresent(d -> toggle(d.id(), k));
  }

  /** Toggles label {@code k} (0-based) of set dimension {@code dimension}. */
  public void toggle(String dimension, int k) {
    List<BooleanProperty> labels = chosen.get(dimension);
    if (labels != null && k >= 0 && k < labels.size() && !locked()) {
      labels.get(k).set(!labels.get(k).get());
    }
  }

  /**
   * Commits the draft for the item shown (Enter). The decision is written in the background, in its
   * own transaction, and only once it is stored does the window move on: in a blind-first item from
   * the blind phase to the classifier's labels, else to the next pending item, prepared while this
   * one was shown. The FX thread never waits: keys are ignored while the write is under way
   * (normally a few milliseconds), and if it takes longer (another program holds the database) the
   * window says so and stays usable. A write that fails leaves the item shown with its draft.
   */
  public void commit() {
    IssueDisplay display = shown.get();
    if (display == null || locked()) {
      return;
    }
    Phase p = phase.get();
    List<Decision> draft = draftDecisions(display, p);
    int at = index.get();
    save(at, draft, p, () -> moveOn(at, p));
  }

  /** After the commit at {@code at} is stored: reveal (blind phase) or show the next item. */
  private void moveOn(int at, Phase p) {
    if (p == Phase.BLIND) {
      phase.set(Phase.REVEALED);
      presented.set(new Presentation(presented.get().issue(), Phase.REVEALED));
      status.set("blind decision saved; now with the classifier's labels");
      shownAt = clock.instant();
      return;
    }
    int next = nextPending(at);
    if (next < 0) {
      finished.set(true);
      status.set("all done: every item of this sample is decided and saved");
      return;
    }
    Preload pre = preload;
    if (pre != null && !pre.failed && pre.issueId == queue.get(next).issueId()) {
      if (pre.result != null) {
        loadGeneration++;
        present(next, pre.result);
      } else {
        busy.set(true);
        pre.wantedGeneration = ++loadGeneration;
        pre.wantedIndex = next;
      }
      return;
    }
    show(next, false);
  }

  /** True while a decision is being written or an issue loaded: keys that change things wait. */
  public boolean locked() {
    return busy.get() || !unsaved.isEmpty();
  }

  /** After this long, a write still under way is shown as waiting for the database. */
  static final long SLOW_SAVE_MS = 400;

  /**
   * Writes {@code draft} for the item at {@code at} in the background (in commit order). Once it is
   * stored the queue is updated in memory and {@code then} runs; on failure nothing changes but the
   * status, and the item stays shown with its draft.
   */
  private void save(int at, List<Decision> draft, Phase p, Runnable then) {
    QueueItem before = queue.get(at);
    Save save = new Save();
    unsaved.add(save);
    saving.set(unsaved.size());
    String what = before.issue().repo() + "#" + before.issue().number();
    boolean[] slow = new boolean[1];
    background.later(
        SLOW_SAVE_MS,
        () -> {
          if (unsaved.contains(save)) {
            slow[0] = true;
            busy.set(true);
            status.set(
                "saving "
                    + what
                    + " … waiting for the database (another program is writing to it)");
          }
        });
    background.runInOrder(
        () -> annotations.decideAll(draft, DecisionOrigin.WINDOW),
        ok -> {
          saved(save);
          if (slow[0]) {
            busy.set(false);
          }
          int i = indexOf(before.issueId());
          QueueItem now = i < 0 ? before : queue.get(i);
          QueueItem after =
              p == Phase.BLIND
                  ? withState(now, now.state(), true)
                  : withState(now, ItemState.DECIDED, now.blindDecided());
          if (i >= 0) {
            queue.set(i, after);
          }
          if (now.state() != ItemState.DECIDED && after.state() == ItemState.DECIDED) {
            decided.set(decided.get() + 1);
          }
          status.set("saved " + what + (p == Phase.BLIND ? " (blind)" : ""));
          then.run();
        },
        e -> {
          saved(save);
          if (slow[0]) {
            busy.set(false);
          }
          status.set(
              "error: the decision on "
                  + what
                  + " was not saved ("
                  + (e.getMessage() == null ? e.toString() : e.getMessage())
                  + "); it is still shown, with its draft: commit again to retry");
        });
  }

  private void saved(Save save) {
    unsaved.remove(save);
    saving.set(unsaved.size());
    if (unsaved.isEmpty()) {
      List<Runnable> run = new ArrayList<>(whenSaved);
      whenSaved.clear();
      run.forEach(Runnable::run);
    }
  }

  /** Runs {@code action} on the FX thread once every commit so far is written (or failed). */
  public void whenSaved(Runnable action) {
    if (unsaved.isEmpty()) {
      action.run();
    } else {
      whenSaved.add(action);
    }
  }

  private int indexOf(long issueId) {
    for (int i = 0; i < queue.size(); i++) {
      if (queue.get(i).issueId() == issueId) {
        return i;
      }
    }
    return -1;
  }

  private static QueueItem withState(QueueItem q, ItemState state, boolean blindDecided) {
    return new QueueItem(
        q.position(),
        q.issueId(),
        q.issue(),
        q.framework(),
        q.title(),
        q.overlap(),
        state,
        blindDecided);
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
    if (!locked() && index.get() > 0) {
      finished.set(false);
      show(index.get() - 1, true);
    }
  }

  /** Skips the item shown (S): it returns at the end of the queue. */
  public void skip() {
    IssueDisplay display = shown.get();
    if (display == null || locked()) {
      return;
    }
    busy.set(true);
    String s = sample.get();
    String a = annotator.get();
    // in order after any decision still being written, so the queue read back includes them
    background.runInOrder(
        () -> {
          annotations.skip(s, a, display.issue().key());
          return annotations.queue(s, a);
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
    if (!locked()) {
      show(i, false);
    }
  }

  private List<Decision> draftDecisions(IssueDisplay display, Phase p) {
    Instant now = clock.instant();
    double seconds = shownAt == null ? 0 : Duration.between(shownAt, now).toMillis() / 1000.0;
    AnnotationScheme s = scheme.get();
    List<Decision> out = new ArrayList<>();
    for (SchemeDimension dim : s.dimensions()) {
      DecisionValue value = draftValue(dim);
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

  private DecisionValue draftValue(SchemeDimension dimension) {
    if (dimension.kind().isSet()) {
      List<BooleanProperty> labels = chosen.get(dimension.id());
      List<String> picked = new ArrayList<>();
      for (int k = 0; k < labels.size(); k++) {
        if (labels.get(k).get()) {
          picked.add(dimension.labels().get(k));
        }
      }
      return DecisionValue.set(picked);
    }
    return value(values.get(dimension.id()).get());
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

  /** The prepared issue and its phase: what the view shows. */
  public ReadOnlyObjectProperty<Presentation> presentedProperty() {
    return presented.getReadOnlyProperty();
  }

  /**
   * The item that will be shown when the one shown now is committed, once it is prepared (null
   * before): the view can lay it out ahead of time.
   */
  public ReadOnlyObjectProperty<Presentation> upcomingProperty() {
    return upcoming.getReadOnlyProperty();
  }

  /** How many commits are still being written. */
  public ReadOnlyIntegerProperty savingProperty() {
    return saving.getReadOnlyProperty();
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

  /** Whether category {@code k} is chosen in the draft. */
  public BooleanProperty category(int k) {
    return chosen(categoryDimension(scheme.get()).orElseThrow().id(), k);
  }

  /** Whether label {@code k} of set dimension {@code dimension} is chosen in the draft. */
  public BooleanProperty chosen(String dimension, int k) {
    return chosen.get(dimension).get(k);
  }

  /** The draft label of a single, binary or ordinal dimension (null: none yet). */
  public StringProperty valueProperty(String dimension) {
    StringProperty p = values.get(dimension);
    if (p == null) {
      throw new IllegalArgumentException("no single-label dimension '" + dimension + "'");
    }
    return p;
  }

  /** Whether the issue is shown as its exact source text (else rendered); kept per annotator. */
  public BooleanProperty sourceViewProperty() {
    return sourceView;
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
