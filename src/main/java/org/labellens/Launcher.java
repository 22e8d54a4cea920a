package org.labellens;

/** Entry point placeholder. */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {}
}
