package org.labellens.ui;

import java.nio.file.Path;
import java.util.Map;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.labellens.service.Project;
import org.labellens.ui.common.FxBackgroundExecutor;

/** The window. The project opens in the background; the stage shows progress until it is ready. */
public final class App extends Application {
  private FxBackgroundExecutor background;
  private Project project;

  @Override
  public void start(Stage stage) {
    Map<String, String> args = getParameters().getNamed();
    Theme.apply(args.getOrDefault("theme", "light"));
    Path db = Path.of(args.getOrDefault("db", "annotations/demo.db"));
    boolean given = Boolean.parseBoolean(args.getOrDefault("db-given", "false"));
    background = new FxBackgroundExecutor(2);

    ProgressIndicator spinner = new ProgressIndicator();
    VBox opening = new VBox(12, spinner, new Label("Opening " + db + " …"));
    opening.setAlignment(Pos.CENTER);
    // the window fits the screen: on a small one (1024×700) it takes the screen, not more
    javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
    Scene scene =
        new Scene(
            opening,
            Math.min(WindowLauncher.WIDTH, screen.getWidth()),
            Math.min(WindowLauncher.HEIGHT, screen.getHeight()));
    Theme.style(scene);
    stage.setTitle("LabelLens — " + db.getFileName());
    stage.setMinWidth(Math.min(960, screen.getWidth()));
    stage.setMinHeight(Math.min(600, screen.getHeight()));
    stage.setScene(scene);
    stage.show();

    background.run(
        () -> WindowLauncher.openProject(db, given),
        opened -> {
          project = opened;
          AppContext context =
              new AppContext(
                  opened,
                  background,
                  url -> getHostServices().showDocument(url),
                  java.time.Clock.systemUTC(),
                  Platform::runLater,
                  org.labellens.ui.annotate.ViewPreferences.user());
          scene.setRoot(context.mainView(args.get("annotator")));
          if ("review".equals(args.get("view"))) {
            context.showReview(args.get("sample"), args.get("tab"));
          }
        },
        e -> {
          Alert alert = new Alert(Alert.AlertType.ERROR, String.valueOf(e.getMessage()));
          alert.setHeaderText("Cannot open the project");
          alert.showAndWait();
          Platform.exit();
        });
  }

  @Override
  public void stop() {
    // first the background work (decisions still being written), then the project
    if (background != null) {
      background.close();
    }
    if (project != null) {
      project.close();
    }
  }
}
