package org.labellens.core.annotation;

import java.util.regex.Pattern;
import org.labellens.core.BadInputException;

/**
 * Annotator names: they name exchange files ({@code annotations/<annotator>.jsonl}), so they are
 * short and safe as file names on every system.
 */
public final class AnnotatorNames {
  private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private AnnotatorNames() {}

  public static String check(String name) {
    if (name == null || !VALID.matcher(name).matches()) {
      throw new BadInputException(
          "annotator name '"
              + name
              + "' is not valid: use 1 to 64 letters, digits, '.', '_' or '-', starting with a"
              + " letter or digit");
    }
    return name;
  }
}
