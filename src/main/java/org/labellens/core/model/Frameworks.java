package org.labellens.core.model;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps repositories to the framework names the study reports, and renamed repositories to their
 * current name (GitHub redirects {@code ggerganov/llama.cpp} to {@code ggml-org/llama.cpp}, so both
 * spellings name the same issues).
 */
public final class Frameworks {
  private static final Map<String, String> FRAMEWORK_BY_REPO =
      Map.of(
          "vllm-project/vllm", "vLLM",
          "ggml-org/llama.cpp", "llama.cpp",
          "sgl-project/sglang", "SGLang");

  private static final Map<String, String> RENAMED =
      Map.of("ggerganov/llama.cpp", "ggml-org/llama.cpp");

  private static final Pattern REPO =
      Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})/[A-Za-z0-9._-]{1,100}");

  private Frameworks() {}

  /** The canonical spelling of a repository: renamed repositories map to their current name. */
  public static String canonicalRepo(String repo) {
    String trimmed = repo.trim();
    String renamed = RENAMED.get(trimmed.toLowerCase(Locale.ROOT));
    return renamed != null ? renamed : trimmed;
  }

  /** The framework of a repository: the study's name for its three, else the repository's name. */
  public static String forRepo(String repo) {
    String canonical = canonicalRepo(repo);
    String known = FRAMEWORK_BY_REPO.get(canonical.toLowerCase(Locale.ROOT));
    if (known != null) {
      return known;
    }
    int slash = canonical.lastIndexOf('/');
    return slash >= 0 ? canonical.substring(slash + 1) : canonical;
  }

  /** Whether a repository name has the {@code owner/name} shape GitHub uses. */
  public static boolean isValidRepo(String repo) {
    return repo != null && REPO.matcher(repo).matches();
  }
}
