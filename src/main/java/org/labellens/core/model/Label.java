package org.labellens.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A label of a dimension.
 *
 * @param id the stable identifier stored in the database and in exchange files
 * @param title a short human name (defaults to the id)
 * @param description what the label means, written for annotators
 * @param rules the rules that predict it (empty for labels annotators choose by hand)
 */
public record Label(String id, String title, String description, List<Rule> rules) {

  public Label {
    Objects.requireNonNull(id, "id");
    title = title == null ? id : title;
    description = description == null ? "" : description;
    rules = List.copyOf(rules);
  }

  public static Label of(String id, String description) {
    return new Label(id, id, description, List.of());
  }
}
