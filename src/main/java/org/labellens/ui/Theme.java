package org.labellens.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** The look: AtlantaFX Primer (light or dark) plus LabelLens's own stylesheet. */
public final class Theme {
  private Theme() {}

  public static void apply(String name) {
    Application.setUserAgentStylesheet(
        "dark".equalsIgnoreCase(name)
            ? new PrimerDark().getUserAgentStylesheet()
            : new PrimerLight().getUserAgentStylesheet());
  }

  public static void style(Scene scene) {
    scene.getStylesheets().add(Theme.class.getResource("labellens.css").toExternalForm());
  }
}
