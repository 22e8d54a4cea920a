package org.labellens.ui;

import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.StackPane;
import org.labellens.service.Project;
import org.labellens.ui.annotate.AnnotateView;
import org.labellens.ui.annotate.AnnotateViewModel;
import org.labellens.ui.annotate.CommentsViewModel;
import org.labellens.ui.common.BackgroundExecutor;
import org.labellens.ui.common.ViewLoader;
import org.labellens.ui.issues.IssuesView;
import org.labellens.ui.issues.IssuesViewModel;
import org.labellens.ui.review.ReviewView;
import org.labellens.ui.review.ReviewViewModel;
import org.labellens.ui.session.SessionChooserView;
import org.labellens.ui.session.SessionChooserViewModel;
import org.labellens.ui.setup.ProjectSetupView;
import org.labellens.ui.setup.ProjectSetupViewModel;

/** The composition root of the window: project -> services -> view models -> views. */
public final class AppContext {
  private final Project project;
  private final BackgroundExecutor background;
  private final Consumer<String> openLink;
  private final IssuesViewModel issuesViewModel;
  private final AnnotateViewModel annotateViewModel;
  private final SessionChooserViewModel chooserViewModel;
  private final ProjectSetupViewModel setupViewModel;
  private final StackPane annotateHolder = new StackPane();
  private Parent annotateView;
  private TabPane tabs;
  private ReviewViewModel reviewViewModel;
  private ReviewView reviewView;
  private Tab reviewTab;

  /**
   * @param openLink opens an http(s) address in the browser (only ever on a click)
   */
  public AppContext(
      Project project, BackgroundExecutor background, Consumer<String> openLink, Clock clock) {
    this(project, background, openLink, clock, javafx.application.Platform::runLater);
  }

  /**
   * @param fxThread runs progress updates on the FX thread ({@code Platform::runLater}; tests may
   *     run them at once)
   */
  public AppContext(
      Project project,
      BackgroundExecutor background,
      Consumer<String> openLink,
      Clock clock,
      Consumer<Runnable> fxThread) {
    this.project = project;
    this.background = background;
    this.openLink = openLink;
    this.issuesViewModel = new IssuesViewModel(project.issues(), background);
    this.annotateViewModel =
        new AnnotateViewModel(project.annotations(), project.displays(), background, clock);
    this.chooserViewModel =
        new SessionChooserViewModel(
            project.samples(),
            project.annotations(),
            background,
            this::startSession,
            this::openReview);
    this.setupViewModel = new ProjectSetupViewModel(project, background, fxThread);
  }

  public Project project() {
    return project;
  }

  public IssuesViewModel issuesViewModel() {
    return issuesViewModel;
  }

  public AnnotateViewModel annotateViewModel() {
    return annotateViewModel;
  }

  public SessionChooserViewModel chooserViewModel() {
    return chooserViewModel;
  }

  /** The issue browser alone (for screenshots and tests). */
  public Parent issuesView() {
    String name = project.file().getFileName().toString();
    Map<Class<?>, Supplier<?>> controllers =
        Map.of(IssuesView.class, () -> new IssuesView(issuesViewModel, name));
    Parent root = new ViewLoader(controllers).load(IssuesView.class);
    issuesViewModel.start();
    return root;
  }

  /** The annotation window alone, not yet opened on a sample. */
  public Parent annotateView() {
    if (annotateView == null) {
      Map<Class<?>, Supplier<?>> controllers =
          Map.of(
              AnnotateView.class,
              () ->
                  new AnnotateView(
                      annotateViewModel,
                      openLink,
                      new CommentsViewModel(project.comments()::of, background)));
      annotateView = new ViewLoader(controllers).load(AnnotateView.class);
    }
    return annotateView;
  }

  /** The main window: annotating (choose a sample, then work through it) and browsing issues. */
  public Parent mainView(String annotator) {
    SessionChooserView chooser = new SessionChooserView(chooserViewModel);
    annotateHolder.getChildren().setAll(chooser);
    chooserViewModel.load(annotator);
    tabs = new TabPane();
    tabs.setId("mainTabs");
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    tabs.getTabs().add(tab("Annotate", annotateHolder));
    tabs.getTabs().add(tab("Issues", issuesView()));
    tabs.getTabs().add(tab("Project", setupView()));
    reviewTab = tab("Review", new StackPane());
    tabs.getTabs().add(reviewTab);
    reviewTab
        .selectedProperty()
        .addListener(
            (obs, o, selected) -> {
              if (selected && reviewView == null) {
                reviewTab.setContent(reviewView(null));
              }
            });
    return tabs;
  }

  /** The lead's view models: agreement, validation and adjudication of a sample. */
  public ReviewViewModel reviewViewModel() {
    if (reviewViewModel == null) {
      reviewViewModel = new ReviewViewModel(project, background);
    }
    return reviewViewModel;
  }

  /** The lead's review window, computing for {@code sample} (null: the first sample). */
  public ReviewView reviewView(String sample) {
    if (reviewView == null) {
      reviewView = new ReviewView(reviewViewModel(), openLink);
    }
    reviewViewModel().load(sample);
    return reviewView;
  }

  /**
   * Opens the review tab of the main window on {@code sample} (null: the first sample), showing
   * {@code tab} ("agreement", "validation" or "adjudication"; null: as it was).
   */
  public void showReview(String sample, String tab) {
    openReview(sample);
    if (reviewView != null && tab != null) {
      reviewView.select(tab);
    }
  }

  /** Opens the review tab of the main window on {@code sample}. */
  private void openReview(String sample) {
    if (tabs == null || reviewTab == null) {
      return;
    }
    if (reviewView == null) {
      reviewTab.setContent(reviewView(sample));
    } else {
      reviewView(sample);
    }
    tabs.getSelectionModel().select(reviewTab);
  }

  /** Project setup: import, classify, sample. */
  public javafx.scene.Parent setupView() {
    return new ProjectSetupView(
        setupViewModel, project.file().getFileName().toString(), ProjectSetupView::chooseDumps);
  }

  public ProjectSetupViewModel setupViewModel() {
    return setupViewModel;
  }

  private void startSession(String sample, String annotator) {
    annotateHolder.getChildren().setAll(annotateView());
    annotateViewModel.open(sample, annotator);
    annotateView.requestFocus();
  }

  private static Tab tab(String title, Node content) {
    Tab t = new Tab(title, content);
    t.setId("tab-" + title.toLowerCase(java.util.Locale.ROOT));
    return t;
  }
}
