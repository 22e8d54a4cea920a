package org.labellens.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the window says when it cannot start on this machine. */
class WindowStartMessagesTest {
  @Test
  void withoutADisplayItSaysHowToGetOneOrToUseScreenshot() {
    String said = WindowLauncher.noDisplay("Linux", null, "");
    assertThat(said).contains("DISPLAY").contains("xvfb-run").contains("--screenshot");
    assertThat(WindowLauncher.noDisplay("Linux", ":0", null)).isNull();
    assertThat(WindowLauncher.noDisplay("Linux", null, "wayland-0")).isNull();
    assertThat(WindowLauncher.noDisplay("Windows 11", null, null)).isNull();
    assertThat(WindowLauncher.noDisplay("Mac OS X", null, null)).isNull();
  }

  @Test
  void aMissingGtkLibraryNamesThePackageToInstall() {
    RuntimeException launch =
        new RuntimeException(
            "Application launch failed",
            new UnsupportedOperationException("Unable to load glass GTK library."));
    assertThat(WindowLauncher.startFailure(launch))
        .contains("apt-get install " + WindowLauncher.GTK_PACKAGE)
        .contains("libgtk-3-0");
    assertThat(WindowLauncher.startFailure(new IllegalStateException("something else"))).isNull();
  }
}
