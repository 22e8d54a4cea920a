package org.labellens.ui;

import java.util.Map;
import java.util.function.Supplier;
import javafx.scene.Parent;
import org.labellens.service.Project;
import org.labellens.ui.common.BackgroundExecutor;
import org.labellens.ui.common.ViewLoader;
import org.labellens.ui.issues.IssuesView;
import org.labellens.ui.issues.IssuesViewModel;

/** The composition root of the window: project -> services -> view models -> views. */
public final class AppContext {
  private final Project project;
  private final BackgroundExecutor background;
  private final IssuesViewModel issuesViewModel;

  public AppContext(Project project, BackgroundExecutor background) {
    this.project = project;
    this.background = background;
    this.issuesViewModel = new IssuesViewModel(project.issues(), background);
  }

  public Project project() {
    return project;
  }

  public BackgroundExecutor background() {
    return background;
  }

  public IssuesViewModel issuesViewModel() {
    return issuesViewModel;
  }

  /** Builds the main view and starts its loading. */
  public Parent mainView() {
    String name = project.file().getFileName().toString();
    Map<Class<?>, Supplier<?>> controllers =
        Map.of(IssuesView.class, () -> new IssuesView(issuesViewModel, name));
    Parent root = new ViewLoader(controllers).load(IssuesView.class);
    issuesViewModel.start();
    return root;
  }
}
