package org.labellens.core.sampling;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.labellens.core.JsonText;

/**
 * A stratum's identity: one value per stratification variable, e.g. {@code {"framework":"vLLM",
 * "predicted":"gpu"}}. The unstratified sample has the one empty key {@code {}}. Keys order by
 * their values, variable by variable (code-point order); that is the order strata are listed and
 * allocated in.
 */
public record StratumKey(List<String> variables, List<String> values)
    implements Comparable<StratumKey> {

  public static final StratumKey WHOLE_FRAME = new StratumKey(List.of(), List.of());

  public StratumKey {
    variables = List.copyOf(variables);
    values = List.copyOf(values);
    if (variables.size() != values.size()) {
      throw new IllegalArgumentException("a stratum key needs one value per variable");
    }
  }

  public Map<String, String> asMap() {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < variables.size(); i++) {
      m.put(variables.get(i), values.get(i));
    }
    return Collections.unmodifiableMap(m);
  }

  /** The key as a JSON object, as stored in {@code stratum.stratum_key}. */
  public String toJson() {
    return JsonText.stringObject(asMap());
  }

  public static StratumKey fromJson(String json) {
    Map<String, String> m = JsonText.parseStringObject(json);
    return new StratumKey(new ArrayList<>(m.keySet()), new ArrayList<>(m.values()));
  }

  /** For people: {@code vLLM / gpu}, or {@code (all)} for the unstratified sample. */
  public String label() {
    return values.isEmpty() ? "(all)" : String.join(" / ", values);
  }

  @Override
  public int compareTo(StratumKey other) {
    int n = Math.min(values.size(), other.values.size());
    for (int i = 0; i < n; i++) {
      int c = values.get(i).compareTo(other.values.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(values.size(), other.values.size());
  }
}
