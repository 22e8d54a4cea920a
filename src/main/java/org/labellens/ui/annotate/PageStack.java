package org.labellens.ui.annotate;

import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Holds the two pages of the issue pane on top of each other: both get the whole width and their
 * preferred height, but only the page in front is visible and decides the height to scroll.
 */
final class PageStack extends Region {
  private Node front;

  PageStack(Node front, Node back) {
    this.front = front;
    back.setVisible(false);
    getChildren().setAll(back, front);
  }

  void bringToFront(Node newFront, Node newBack) {
    front = newFront;
    newBack.setVisible(false);
    newFront.setVisible(true);
    requestLayout();
  }

  @Override
  protected void layoutChildren() {
    double w = getWidth();
    for (Node page : getChildren()) {
      page.resizeRelocate(0, 0, w, page.prefHeight(w));
    }
  }

  @Override
  protected double computePrefWidth(double height) {
    return front.prefWidth(height);
  }

  @Override
  protected double computePrefHeight(double width) {
    return front.prefHeight(width);
  }

  @Override
  protected double computeMinWidth(double height) {
    return front.minWidth(height);
  }

  @Override
  protected double computeMinHeight(double width) {
    return front.minHeight(width);
  }
}
