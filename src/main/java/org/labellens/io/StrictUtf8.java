package org.labellens.io;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Text readers that refuse invalid UTF-8 instead of replacing it silently. */
final class StrictUtf8 {
  private StrictUtf8() {}

  static BufferedReader reader(InputStream in) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new BufferedReader(new InputStreamReader(in, decoder), 1 << 16);
  }

  /** Drops a leading byte-order mark from the first line of a file. */
  static String stripBom(String firstLine) {
    return firstLine != null && !firstLine.isEmpty() && firstLine.charAt(0) == '\uFEFF'
        ? firstLine.substring(1)
        : firstLine;
  }
}
