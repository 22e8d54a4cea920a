package org.labellens.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads a view's FXML (same package and name as the view class) with its controller supplied by the
 * composition root. An FXML naming a controller nobody registered is an error, not a reflective
 * guess.
 */
public final class ViewLoader {
  private final Map<Class<?>, Supplier<?>> controllers;

  public ViewLoader(Map<Class<?>, Supplier<?>> controllers) {
    this.controllers = Map.copyOf(controllers);
  }

  public Parent load(Class<?> viewClass) {
    URL fxml = viewClass.getResource(viewClass.getSimpleName() + ".fxml");
    if (fxml == null) {
      throw new IllegalStateException("no FXML for " + viewClass.getName());
    }
    FXMLLoader loader = new FXMLLoader(fxml);
    loader.setControllerFactory(
        type -> {
          Supplier<?> s = controllers.get(type);
          if (s == null) {
            throw new IllegalStateException("no controller registered for " + type.getName());
          }
          return s.get();
        });
    try {
      return loader.load();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + fxml, e);
    }
  }
}
