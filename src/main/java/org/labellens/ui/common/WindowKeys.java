package org.labellens.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's one key map: a filter on the scene hands every key press to the view shown (the
 * annotation window, the adjudication pane) before any control sees it, whatever has the focus: a
 * tab header, a list, a button or nothing. A text field keeps the keys only while it is being
 * edited (the handler is told so and gives them back on Esc or Enter). The character of a key a
 * view handled is not typed anywhere. Arrow keys never switch tabs.
 *
 * <p>One instance per scene, kept in the scene's properties (no global state).
 */
public final class WindowKeys {
  /** What a view does with a key press; true when it handled the key. */
  @FunctionalInterface
  public interface Handler {
    /**
     * @param typing true while a text field has the focus (the view then handles only the keys that
     *     leave it, such as Esc and Enter)
     */
    boolean handle(KeyEvent e, boolean typing);
  }

  private record Owner(Node node, Handler handler) {}

  private final Scene scene;
  private final List<Owner> owners = new ArrayList<>();
  private boolean swallowTyped;

  private WindowKeys(Scene scene) {
    this.scene = scene;
    scene.addEventFilter(KeyEvent.KEY_PRESSED, this::pressed);
    scene.addEventFilter(
        KeyEvent.KEY_TYPED,
        e -> {
          if (swallowTyped) {
            e.consume();
          }
        });
    scene.addEventFilter(KeyEvent.KEY_RELEASED, e -> swallowTyped = false);
  }

  /** The key map of {@code scene}, installed on first use. */
  public static WindowKeys of(Scene scene) {
    return (WindowKeys)
        scene.getProperties().computeIfAbsent(WindowKeys.class, k -> new WindowKeys(scene));
  }

  /**
   * Gives {@code handler} the keys of the window while {@code owner} is shown (in a scene, itself
   * and every parent visible); it follows the node from scene to scene.
   */
  public static void register(Node owner, Handler handler) {
    Owner o = new Owner(owner, handler);
    owner
        .sceneProperty()
        .addListener(
            (obs, was, now) -> {
              if (was != null) {
                of(was).owners.remove(o);
              }
              if (now != null) {
                of(now).owners.add(o);
              }
            });
    if (owner.getScene() != null) {
      of(owner.getScene()).owners.add(o);
    }
  }

  private void pressed(KeyEvent e) {
    swallowTyped = false;
    Node focus = scene.getFocusOwner();
    boolean typing = focus instanceof TextInputControl t && t.isEditable();
    for (Owner o : List.copyOf(owners)) {
      if (shown(o.node())) {
        if (o.handler().handle(e, typing)) {
          e.consume();
          swallowTyped = true;
        }
        break;
      }
    }
    if (!e.isConsumed() && e.getCode().isArrowKey() && !typing && focus instanceof TabPane) {
      e.consume(); // a tab is chosen with the pointer (or its own keys), never by an arrow key
    }
  }

  /** Whether {@code n} is on screen: in a scene, it and every parent visible. */
  public static boolean shown(Node n) {
    if (n.getScene() == null) {
      return false;
    }
    for (Node p = n; p != null; p = p.getParent()) {
      if (!p.isVisible()) {
        return false;
      }
    }
    return true;
  }

  /** The digit 1–9 of a key on the main row or the number pad, else -1. */
  public static int digit(KeyCode code) {
    return switch (code) {
      case DIGIT1, NUMPAD1 -> 1;
      case DIGIT2, NUMPAD2 -> 2;
      case DIGIT3, NUMPAD3 -> 3;
      case DIGIT4, NUMPAD4 -> 4;
      case DIGIT5, NUMPAD5 -> 5;
      case DIGIT6, NUMPAD6 -> 6;
      case DIGIT7, NUMPAD7 -> 7;
      case DIGIT8, NUMPAD8 -> 8;
      case DIGIT9, NUMPAD9 -> 9;
      default -> -1;
    };
  }
}
