package org.labellens.ui.annotate;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.labellens.core.annotation.AnnotationScheme;
import org.labellens.core.annotation.SchemeDimension;
import org.labellens.core.annotation.ValueKind;
import org.labellens.ui.common.WindowKeys;

/**
 * The annotation window's key map, made from the sample's scheme: what each key does, in the order
 * the help overlay lists them. The first set dimension takes the digits, a second one Ctrl+digits;
 * the first single-label dimension Shift+digits; a yes/no dimension Y and N; every other dimension
 * a letter of its name (consonants first) that steps through its labels, Shift stepping back; a
 * free-text dimension a letter of its name that starts writing in its field (Enter or Esc gives the
 * keys back, as for the note). The session's own keys (Enter, Backspace, S, U, O, M, T, F1, paging)
 * are fixed.
 */
final class AnnotateKeys {
  /** Letters the session's own commands use. */
  private static final String RESERVED = "SUOMTYN";

  /** What the keys act on: the view's commands. */
  interface Actions {
    void toggle(String dimension, int k);

    void pick(String dimension, int k);

    void step(String dimension, boolean backwards);

    void commit();

    void back();

    void skip();

    void toggleUnsure();

    void stepReason(boolean backwards);

    void openNote();

    /** Starts writing in the field of free-text dimension {@code dimension}. */
    void editText(String dimension);

    void toggleSource();

    void scroll(double pages);

    void toggleHelp();

    boolean helpShown();

    boolean locked();

    void leaveField();
  }

  /** One documented key: its name in the help, what it does, when it applies and its effect. */
  record Binding(String keys, String what, Predicate<KeyEvent> when, Consumer<KeyEvent> act) {}

  private final List<Binding> bindings;

  /** The key named in each dimension's title (e.g. "1–8", "Shift+1–9", "Y / N", "R"). */
  private final Map<String, String> dimensionKeys;

  private final Actions actions;

  AnnotateKeys(AnnotationScheme scheme, Actions actions) {
    this.actions = actions;
    this.dimensionKeys = new LinkedHashMap<>();
    this.bindings = build(scheme == null ? null : scheme, actions);
  }

  List<Binding> bindings() {
    return bindings;
  }

  /** The keys of {@code dimension}, as its title shows them ("" when it has none). */
  String keysOf(String dimension) {
    return dimensionKeys.getOrDefault(dimension, "");
  }

  private List<Binding> build(AnnotationScheme scheme, Actions a) {
    List<Binding> out = new ArrayList<>();
    List<SchemeDimension> dims = scheme == null ? List.of() : scheme.dimensions();
    SchemeDimension category =
        scheme == null ? null : AnnotateViewModel.categoryDimension(scheme).orElse(null);
    SchemeDimension secondSet =
        dims.stream().filter(d -> d.kind().isSet() && d != category).findFirst().orElse(null);
    SchemeDimension shiftDigits =
        dims.stream()
            .filter(d -> !d.kind().isSet() && d.labels().size() <= 9)
            .filter(d -> d.kind() == ValueKind.SINGLE)
            .findFirst()
            .orElse(null);
    SchemeDimension yesNo =
        dims.stream()
            .filter(d -> d.kind() == ValueKind.BINARY && d != shiftDigits)
            .filter(d -> d.labels().containsAll(List.of("yes", "no")))
            .findFirst()
            .orElse(null);
    if (category != null) {
      int n = Math.min(9, category.labels().size());
      String keys = n == 1 ? "1" : "1 … " + n;
      dimensionKeys.put(category.id(), keys);
      out.add(
          new Binding(
              keys,
              "toggle a " + name(category),
              e -> plain(e) && digit(e) >= 1 && digit(e) <= n,
              e -> a.toggle(category.id(), digit(e) - 1)));
    }
    if (secondSet != null) {
      int n = Math.min(9, secondSet.labels().size());
      String keys = "Ctrl+1 … " + n;
      dimensionKeys.put(secondSet.id(), keys);
      out.add(
          new Binding(
              keys,
              "toggle a " + name(secondSet),
              e -> e.isShortcutDown() && !e.isShiftDown() && digit(e) >= 1 && digit(e) <= n,
              e -> a.toggle(secondSet.id(), digit(e) - 1)));
    }
    out.add(
        new Binding(
            "Enter",
            "commit and go on (blind first: commit, then see the classifier)",
            e -> e.getCode() == KeyCode.ENTER,
            e -> a.commit()));
    out.add(
        new Binding(
            "Backspace / Alt+←",
            "back to the previous issue to change it",
            e ->
                e.getCode() == KeyCode.BACK_SPACE || (e.getCode() == KeyCode.LEFT && e.isAltDown()),
            e -> a.back()));
    out.add(
        new Binding(
            "S", "skip (the issue comes back at the end)", letter(KeyCode.S), e -> a.skip()));
    if (shiftDigits != null) {
      int n = shiftDigits.labels().size();
      String keys = "Shift+1 … " + n;
      dimensionKeys.put(shiftDigits.id(), keys);
      out.add(
          new Binding(
              keys,
              name(shiftDigits) + ": the label in that place",
              e -> e.isShiftDown() && !e.isShortcutDown() && digit(e) >= 1 && digit(e) <= n,
              e -> a.pick(shiftDigits.id(), digit(e) - 1)));
    }
    if (yesNo != null) {
      dimensionKeys.put(yesNo.id(), "Y / N");
      out.add(
          new Binding(
              "Y / N",
              name(yesNo) + ": yes / no",
              e -> letter(KeyCode.Y).test(e) || letter(KeyCode.N).test(e),
              e ->
                  a.pick(
                      yesNo.id(),
                      yesNo.labels().indexOf(e.getCode() == KeyCode.Y ? "yes" : "no"))));
    }
    Set<Character> taken = new HashSet<>();
    for (char c : RESERVED.toCharArray()) {
      taken.add(c);
    }
    for (SchemeDimension d : dims) {
      if (d == category || d == secondSet || d == shiftDigits || d == yesNo || d.kind().isSet()) {
        continue;
      }
      Character c = letterFor(d.id(), taken);
      if (c == null) {
        continue;
      }
      taken.add(c);
      KeyCode code = KeyCode.getKeyCode(String.valueOf(c));
      dimensionKeys.put(d.id(), String.valueOf(c));
      if (!d.isCategorical()) {
        out.add(
            new Binding(
                String.valueOf(c),
                "write the " + name(d) + " (Enter commits, Esc leaves the field)",
                letter(code),
                e -> a.editText(d.id())));
        continue;
      }
      String keys = c + " / Shift+" + c;
      out.add(
          new Binding(
              keys,
              "next / previous " + name(d),
              e -> e.getCode() == code && !e.isShortcutDown() && !e.isAltDown(),
              e -> a.step(d.id(), e.isShiftDown())));
    }
    out.add(new Binding("U", "unsure", letter(KeyCode.U), e -> a.toggleUnsure()));
    out.add(
        new Binding(
            "O / Shift+O",
            "next / previous reason code",
            e -> e.getCode() == KeyCode.O && !e.isShortcutDown() && !e.isAltDown(),
            e -> a.stepReason(e.isShiftDown())));
    out.add(
        new Binding(
            "M",
            "write a note (Enter commits, Esc leaves the note)",
            letter(KeyCode.M),
            e -> a.openNote()));
    out.add(
        new Binding(
            "T",
            "the issue's text: rendered / exact source",
            letter(KeyCode.T),
            e -> a.toggleSource()));
    out.add(
        new Binding(
            "Page Up / Page Down",
            "scroll the issue a page (↑ / ↓ a line)",
            e ->
                e.getCode() == KeyCode.PAGE_DOWN
                    || e.getCode() == KeyCode.PAGE_UP
                    || ((e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)
                        && !e.isAltDown()),
            e ->
                a.scroll(
                    switch (e.getCode()) {
                      case PAGE_DOWN -> 1;
                      case PAGE_UP -> -1;
                      case DOWN -> 0.1;
                      default -> -0.1;
                    })));
    out.add(
        new Binding(
            "F1",
            "this help (F1 or Esc closes it)",
            e -> e.getCode() == KeyCode.F1,
            e -> a.toggleHelp()));
    return List.copyOf(out);
  }

  /** Handles a key press for the window; true when it was one of the window's keys. */
  boolean handle(KeyEvent e, boolean typing) {
    KeyCode code = e.getCode();
    if (code == KeyCode.F1) {
      actions.toggleHelp();
      return true;
    }
    if (actions.helpShown()) {
      if (code == KeyCode.ESCAPE) {
        actions.toggleHelp();
      }
      return true; // the help is in front: no key reaches what is behind it
    }
    if (typing) {
      if (code == KeyCode.ESCAPE) {
        actions.leaveField();
        return true;
      }
      if (code == KeyCode.ENTER) {
        actions.leaveField();
        actions.commit();
        return true;
      }
      return false;
    }
    boolean paging =
        code == KeyCode.PAGE_DOWN
            || code == KeyCode.PAGE_UP
            || code == KeyCode.UP
            || code == KeyCode.DOWN
            || code == KeyCode.T;
    if (actions.locked() && !paging) {
      // a decision is being stored or the next issue loaded: a key now would land on the wrong one
      return true;
    }
    for (Binding b : bindings) {
      if (b.when().test(e)) {
        b.act().accept(e);
        return true;
      }
    }
    // arrows and the keys of the window never reach the tab headers or the queue list
    return code.isArrowKey() || code == KeyCode.ESCAPE;
  }

  private static Predicate<KeyEvent> letter(KeyCode code) {
    return e -> e.getCode() == code && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown();
  }

  private static boolean plain(KeyEvent e) {
    return !e.isShiftDown() && !e.isShortcutDown() && !e.isAltDown();
  }

  private static int digit(KeyEvent e) {
    return WindowKeys.digit(e.getCode());
  }

  /** A letter of {@code id} not taken yet: its consonants first, then its vowels. */
  static Character letterFor(String id, Set<Character> taken) {
    String letters = id.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
    for (String pass : List.of("[^AEIOU]", "[AEIOU]")) {
      for (char c : letters.toCharArray()) {
        if (String.valueOf(c).matches(pass) && !taken.contains(c)) {
          return c;
        }
      }
    }
    return null;
  }

  /** A dimension's name for people: its id with spaces. */
  static String name(SchemeDimension d) {
    return d.id().replace('_', ' ');
  }
}
