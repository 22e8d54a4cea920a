package org.labellens.ui.annotate;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.Preferences;

/** Small choices the window remembers between sessions (per annotator where the key says so). */
public interface ViewPreferences {
  boolean getBoolean(String key, boolean fallback);

  void putBoolean(String key, boolean value);

  /** Kept for the life of the window only (tests, screenshots). */
  static ViewPreferences inMemory() {
    Map<String, Boolean> values = new HashMap<>();
    return new ViewPreferences() {
      @Override
      public boolean getBoolean(String key, boolean fallback) {
        return values.getOrDefault(key, fallback);
      }

      @Override
      public void putBoolean(String key, boolean value) {
        values.put(key, value);
      }
    };
  }

  /** Kept in the user's Java preferences, under this application's node. */
  static ViewPreferences user() {
    Preferences node = Preferences.userRoot().node("org/labellens/window");
    return new ViewPreferences() {
      @Override
      public boolean getBoolean(String key, boolean fallback) {
        return node.getBoolean(key, fallback);
      }

      @Override
      public void putBoolean(String key, boolean value) {
        node.putBoolean(key, value);
      }
    };
  }
}
