package org.labellens.ui.annotate;

import java.util.HashMap;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.prefs.Preferences;

/** Small choices the window remembers between sessions (per annotator where the key says so). */
public interface ViewPreferences {
  boolean getBoolean(String key, boolean fallback);

  void putBoolean(String key, boolean value);

  /** Preferences read and written by these two functions. */
  static ViewPreferences of(
      BiFunction<String, Boolean, Boolean> get, BiConsumer<String, Boolean> put) {
    return new ViewPreferences() {
      @Override
      public boolean getBoolean(String key, boolean fallback) {
        return get.apply(key, fallback);
      }

      @Override
      public void putBoolean(String key, boolean value) {
        put.accept(key, value);
      }
    };
  }

  /** Kept for the life of the window only (tests, screenshots). */
  static ViewPreferences inMemory() {
    Map<String, Boolean> values = new HashMap<>();
    return of(values::getOrDefault, values::put);
  }

  /** Kept in the user's Java preferences, under this application's node. */
  static ViewPreferences user() {
    Preferences node = Preferences.userRoot().node("org/labellens/window");
    return of(node::getBoolean, node::putBoolean);
  }
}
