package org.labellens.ui.common;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.labellens.service.OutputFiles;

/**
 * Renders a scene to a PNG file, through the checks and atomic replacement every output gets
 * (service/OutputFiles).
 */
public final class Snapshots {
  private Snapshots() {}

  public static void writePng(Scene scene, Path file) throws IOException {
    writePng(scene, file, false);
  }

  /** With {@code noClobber}, an existing file is refused. */
  public static void writePng(Scene scene, Path file, boolean noClobber) throws IOException {
    WritableImage image = scene.snapshot(null);
    int w = (int) image.getWidth();
    int h = (int) image.getHeight();
    int[] argb = new int[w * h];
    image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
    BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
    out.setRGB(0, 0, w, h, argb, 0, w);
    Path abs = file.toAbsolutePath();
    if (abs.getParent() != null) {
      Files.createDirectories(abs.getParent());
    }
    OutputFiles.write(
        file,
        noClobber,
        os -> {
          if (!ImageIO.write(out, "png", os)) {
            throw new IOException("no PNG writer available");
          }
        });
  }
}
