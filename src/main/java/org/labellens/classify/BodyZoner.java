package org.labellens.classify;

import java.util.Locale;
import org.labellens.core.model.BodyZone;

/**
 * Splits an issue body into zones: the reporter's prose, fenced code, logs and tracebacks,
 * environment dumps, and the issue template's own text. A keyword in a pasted {@code collect_env}
 * dump or in a template checklist says nothing about what the issue is about; zoning lets a
 * taxonomy weigh such matches apart.
 *
 * <p>The body is read line by line (one pass, no regular expressions, so it is cheap next to the
 * matcher) with these rules, learned from the issue templates of vLLM, llama.cpp and SGLang:
 *
 * <ul>
 *   <li>Markdown headings ({@code ### Describe the bug}) are template text and open a section. A
 *       section named for the environment ({@code Your current environment}, {@code Environment},
 *       {@code Name and Version}, {@code Operating systems}, {@code GGML backends}, {@code
 *       Hardware}, ...) is env; one named for logs ({@code Relevant log output}, {@code Failure
 *       Logs}, ...) is log; a checklist section ({@code Checklist}, {@code Before submitting a new
 *       issue...}, {@code Prerequisites}) is template; any other section is read line by line.
 *   <li>Fenced blocks (three or more backticks or tildes) take the section's zone; in an ordinary
 *       section they are env when they contain an environment dump marker ({@code collect_env},
 *       {@code PyTorch version:}, ...) or a package list, log when they hold a traceback or mostly
 *       log lines, and code otherwise, judged from their first {@value #BLOCK_SAMPLE_LINES}
 *       non-empty lines. In a log block, start-up and configuration dumps (llama.cpp's {@code
 *       llm_load_print_meta:} lines, vLLM's {@code ... with config:}) are env. An unclosed fence
 *       runs to the end of the body.
 *   <li>HTML comments, {@code <details>}/{@code <summary>} tag lines and {@code _No response_} are
 *       template text; a {@code <details>} block whose summary mentions the environment is env.
 *   <li>Outside fences, tracebacks (from {@code Traceback (most recent call last):} to the next
 *       blank line) and log lines (log levels with timestamps, {@code [rank0]:}, {@code (Worker
 *       pid=1)}, {@code llama_model_load:}-style prefixes, {@code File "..."} frames, {@code
 *       XxxError: ...} lines, progress bars) are log.
 *   <li>Everything else is prose.
 * </ul>
 *
 * <p>The headings, markers and prefixes named above are data, not code: the resource {@code
 * body-zones.txt} beside this class ({@link BodyZoneData}; format in docs/taxonomy-format.md).
 *
 * <p>Lines end at {@code \n} (a {@code \r} just before it is part of the line end); line ends
 * belong to the line they end. Pure function.
 */
public final class BodyZoner {

  private static final int SECTION_NORMAL = 0;
  private static final int SECTION_ENV = 1;
  private static final int SECTION_LOG = 2;
  private static final int SECTION_TEMPLATE = 3;

  /** Headings, markers and prefixes of the three projects' issue templates and tools. */
  private static final BodyZoneData DATA = BodyZoneData.DEFAULT;

  /** A fenced block is classified from this many of its first non-empty lines. */
  static final int BLOCK_SAMPLE_LINES = 64;

  private static final String[][] COMMAND_BY_FIRST = byFirstChar(DATA.commandPrefixes);
  private static final String[][] DUMP_BY_FIRST = byFirstChar(DATA.dumpPrefixes);
  private static final String[][] ENV_MARKERS_BY_FIRST = byFirstChar(DATA.envMarkers);
  private static final AhoCorasick CONFIG_AC =
      AhoCorasick.build(java.util.List.of(DATA.configMarkers));

  /** The prefixes grouped by their first (ASCII) character. */
  private static String[][] byFirstChar(String[] prefixes) {
    String[][] table = new String[128][];
    for (String p : prefixes) {
      char c = p.charAt(0);
      String[] row = table[c] == null ? new String[0] : table[c];
      row = java.util.Arrays.copyOf(row, row.length + 1);
      row[row.length - 1] = p;
      table[c] = row;
    }
    return table;
  }

  private static final String[] LOG_LEVELS = {
    "INFO", "WARNING", "WARN", "ERROR", "DEBUG", "CRITICAL",
  };

  private static final String TRACEBACK = "Traceback (most recent call last)";
  private static final String TRACEBACK_END = "(most recent call last):";

  private BodyZoner() {}

  /** The zones of {@code body}, covering it exactly. */
  public static BodyZones zone(String body) {
    return new Scan(body, body.toCharArray()).run();
  }

  /** The zones of {@code body}, whose chars the caller has already copied into {@code chars}. */
  static BodyZones zone(String body, char[] chars) {
    return new Scan(body, chars).run();
  }

  /** One pass over one body. */
  private static final class Scan {
    private final String s;
    // the body's chars: array reads skip String.charAt's per-call bounds and coder checks
    private final char[] a;
    private final int n;
    private final BodyZones.Builder out = new BodyZones.Builder();

    private int section = SECTION_NORMAL;
    private boolean inComment;
    private boolean inEnvDetails;
    private boolean inTraceback;
    private boolean previousLog;
    private boolean previousCommand;
    private int nextPercent = -1;
    private BodyZone lastZone = BodyZone.PROSE;
    // an open fence
    private char fenceChar;
    private int fenceLength;
    private int fenceStart = -1;
    private boolean fenceLogInfo;

    Scan(String body, char[] chars) {
      this.s = body;
      this.a = chars;
      this.n = body.length();
    }

    BodyZones run() {
      int lineStart = 0;
      while (lineStart < n) {
        if (fenceStart >= 0 && lineStart > fenceStart) {
          // inside a fence only a closing fence matters: jump to the next line that starts one
          lineStart = nextClosingFenceLine(lineStart);
          if (lineStart >= n) {
            break;
          }
        }
        int newline = s.indexOf('\n', lineStart);
        int lineEnd = newline < 0 ? n : newline + 1;
        int contentEnd = newline < 0 ? n : newline;
        if (contentEnd > lineStart && a[contentEnd - 1] == '\r') {
          contentEnd--;
        }
        line(lineStart, contentEnd, lineEnd);
        lineStart = lineEnd;
      }
      if (fenceStart >= 0) {
        closeFence(n);
      }
      return out.build();
    }

    /**
     * The start of the first line at or after {@code from} that closes the open fence (up to three
     * spaces or tabs, at least as many fence characters, then only spaces or tabs), or {@code n}.
     */
    private int nextClosingFenceLine(int from) {
      String run = fenceChar == '`' ? "```" : "~~~";
      int at = from;
      while (true) {
        int hit = s.indexOf(run, at);
        if (hit < 0) {
          return n;
        }
        int lineStart = hit;
        while (lineStart > from && a[lineStart - 1] != '\n') {
          lineStart--;
        }
        int first = lineStart;
        while (first < hit && (a[first] == ' ' || a[first] == '\t')) {
          first++;
        }
        if (first == hit && hit - lineStart < 4) {
          int newline = s.indexOf('\n', hit);
          int contentEnd = newline < 0 ? n : newline;
          if (contentEnd > hit && a[contentEnd - 1] == '\r') {
            contentEnd--;
          }
          if (isClosingFence(first, contentEnd)) {
            return lineStart;
          }
        }
        at = hit + 1;
      }
    }

    private void line(int start, int end, int next) {
      int first = start;
      while (first < end && (a[first] == ' ' || a[first] == '\t')) {
        first++;
      }
      // inside a fence, only its closing line matters
      if (fenceStart >= 0) {
        if (first - start < 4 && isClosingFence(first, end)) {
          closeFence(next);
        }
        return;
      }
      if (inComment) {
        add(BodyZone.TEMPLATE, start, next);
        if (indexOf("-->", start, end) >= 0) {
          inComment = false;
        }
        return;
      }
      if (first == end) {
        // blank line: ends a traceback, takes the zone of what it follows
        inTraceback = false;
        add(blankZone(), start, next);
        return;
      }
      boolean continuation = previousLog && first - start >= 2;
      previousLog = false;
      char c = a[first];
      if (first - start < 4 && (c == '`' || c == '~') && openFence(first, end, start)) {
        return;
      }
      if (c == '#' && heading(first, end)) {
        add(BodyZone.TEMPLATE, start, next);
        return;
      }
      if (c == '<' && html(first, end)) {
        add(
            inEnvDetails && !startsWith("</details", first, end) ? BodyZone.ENV : BodyZone.TEMPLATE,
            start,
            next);
        return;
      }
      if (c == '_' && startsWith("_No response_", first, end)) {
        add(BodyZone.TEMPLATE, start, next);
        return;
      }
      if (inEnvDetails) {
        add(BodyZone.ENV, start, next);
        return;
      }
      switch (section) {
        case SECTION_ENV -> add(BodyZone.ENV, start, next);
        case SECTION_LOG -> add(BodyZone.LOG, start, next);
        case SECTION_TEMPLATE -> add(BodyZone.TEMPLATE, start, next);
        default -> {
          boolean command = previousCommand || isCommandLine(first, end);
          previousCommand = command && a[end - 1] == '\\';
          if (command) {
            previousLog = false;
            add(BodyZone.CODE, start, next);
            return;
          }
          previousLog = continuation || isLogLine(first, end);
          if (previousLog && isDumpLine(first, end)) {
            add(BodyZone.ENV, start, next);
          } else {
            add(previousLog ? BodyZone.LOG : BodyZone.PROSE, start, next);
          }
        }
      }
    }

    /**
     * A shell command written in prose, outside a fence: {@code python -m ...}, {@code vllm serve},
     * {@code ./llama-cli ...}, {@code CUDA_VISIBLE_DEVICES=0 ...}, {@code $ ...}, {@code --flag}
     * lines; a line ending in a backslash continues the command.
     */
    private boolean isCommandLine(int first, int end) {
      char c = a[first];
      if (c < 128 && COMMAND_BY_FIRST[c] != null) {
        for (String prefix : COMMAND_BY_FIRST[c]) {
          if (startsWith(prefix, first, end)) {
            return true;
          }
        }
      }
      return first + 2 < end
          && a[first] == '-'
          && a[first + 1] == '-'
          && Character.isLetter(a[first + 2]);
    }

    /**
     * A start-up or configuration dump line inside a log: llama.cpp's model metadata and system
     * lines ({@code llm_load_print_meta:}, {@code llama_model_loader:}, {@code system_info:}, ...)
     * unless they report an error, and long lines printing a whole configuration ({@code
     * Initializing an LLM engine ... with config:}, {@code server_args=ServerArgs(...)}, {@code
     * Namespace(...)}).
     */
    private boolean isDumpLine(int first, int end) {
      char c = a[first];
      if (c < 128 && DUMP_BY_FIRST[c] != null) {
        for (String prefix : DUMP_BY_FIRST[c]) {
          if (startsWith(prefix, first, end)) {
            return indexOf("rror", first, end) < 0
                && indexOf("fail", first, end) < 0
                && indexOf("assert", first, end) < 0;
          }
        }
      }
      if (end - first < 160) {
        return false;
      }
      // one pass over the line's head for all configuration markers
      int[] table = CONFIG_AC.table();
      int state = AhoCorasick.root();
      for (int i = first, limit = Math.min(end, first + 400); i < limit; i++) {
        int v = table[state + CONFIG_AC.charClass(a[i])];
        if (v < 0) {
          return true;
        }
        state = v;
      }
      return false;
    }

    private void add(BodyZone zone, int start, int end) {
      lastZone = zone;
      out.add(zone, start, end);
    }

    private BodyZone blankZone() {
      if (inEnvDetails) {
        return BodyZone.ENV;
      }
      return switch (section) {
        case SECTION_ENV -> BodyZone.ENV;
        case SECTION_LOG -> BodyZone.LOG;
        case SECTION_TEMPLATE -> BodyZone.TEMPLATE;
        default -> lastZone == BodyZone.LOG ? BodyZone.LOG : BodyZone.PROSE;
      };
    }

    // ------------------------------------------------------------ fences

    private boolean openFence(int first, int end, int lineStart) {
      char c = a[first];
      int k = first;
      while (k < end && a[k] == c) {
        k++;
      }
      int length = k - first;
      if (length < 3) {
        return false;
      }
      // a backtick fence's info string cannot contain a backtick
      if (c == '`' && indexOf("`", k, end) >= 0) {
        return false;
      }
      fenceChar = c;
      fenceLength = length;
      fenceStart = lineStart;
      String info = s.substring(k, Math.min(end, k + 16)).trim().toLowerCase(Locale.ROOT);
      fenceLogInfo = info.startsWith("log") || info.startsWith("console");
      inTraceback = false;
      return true;
    }

    private boolean isClosingFence(int first, int end) {
      int k = first;
      while (k < end && a[k] == fenceChar) {
        k++;
      }
      if (k - first < fenceLength) {
        return false;
      }
      while (k < end && (a[k] == ' ' || a[k] == '\t')) {
        k++;
      }
      return k == end;
    }

    private void closeFence(int next) {
      BodyZone zone;
      if (inEnvDetails || section == SECTION_ENV) {
        zone = BodyZone.ENV;
      } else if (section == SECTION_LOG) {
        zone = BodyZone.LOG;
      } else if (section == SECTION_TEMPLATE) {
        zone = BodyZone.TEMPLATE;
      } else {
        zone = classifyBlock(fenceStart, next);
      }
      if (zone == BodyZone.LOG) {
        addLogLines(fenceStart, next);
      } else {
        add(zone, fenceStart, next);
      }
      fenceStart = -1;
    }

    /** A log block line by line: start-up and configuration dumps in it are env. */
    private void addLogLines(int start, int end) {
      int lineStart = start;
      while (lineStart < end) {
        int newline = s.indexOf('\n', lineStart);
        int lineEnd = newline < 0 || newline >= end ? end : newline + 1;
        int contentEnd = lineEnd;
        while (contentEnd > lineStart && (a[contentEnd - 1] == '\n' || a[contentEnd - 1] == '\r')) {
          contentEnd--;
        }
        int first = lineStart;
        while (first < contentEnd && (a[first] == ' ' || a[first] == '\t')) {
          first++;
        }
        add(
            first < contentEnd && isDumpLine(first, contentEnd) ? BodyZone.ENV : BodyZone.LOG,
            lineStart,
            lineEnd);
        lineStart = lineEnd;
      }
    }

    /** Env, log or code, from a fenced block's content, in one pass over its lines. */
    private BodyZone classifyBlock(int start, int end) {
      int lines = 0;
      int logLines = 0;
      int packageLines = 0;
      boolean traceback = false;
      int lineStart = start;
      while (lineStart < end) {
        int newline = s.indexOf('\n', lineStart);
        int lineEnd = newline < 0 || newline > end ? end : newline;
        if (lineEnd > lineStart && a[lineEnd - 1] == '\r') {
          lineEnd--;
        }
        int first = lineStart;
        while (first < lineEnd && (a[first] == ' ' || a[first] == '\t')) {
          first++;
        }
        if (first < lineEnd) {
          if (lines == BLOCK_SAMPLE_LINES) {
            break;
          }
          if (isEnvLine(first, lineEnd)) {
            inTraceback = false;
            return BodyZone.ENV;
          }
          lines++;
          if (isPackageLine(first, lineEnd)) {
            packageLines++;
          }
          if (isLogLine(first, lineEnd)) {
            logLines++;
            traceback |= inTraceback;
          }
        }
        lineStart = newline < 0 || newline > end ? end : newline + 1;
      }
      inTraceback = false;
      // a package list (pip freeze, conda list) is an environment dump
      if (packageLines >= 3 && packageLines * 2 >= lines - 2) {
        return BodyZone.ENV;
      }
      if (fenceLogInfo || traceback) {
        return BodyZone.LOG;
      }
      // the fence lines themselves count as lines; logs dominate when a third of lines are log
      return logLines >= 2 && logLines * 3 >= lines - 2 ? BodyZone.LOG : BodyZone.CODE;
    }

    /** {@code name==1.2.3}: a package and its version, as {@code pip freeze} prints it. */
    private boolean isPackageLine(int first, int end) {
      int k = first;
      while (k < end) {
        char c = a[k];
        if (!(Character.isLetterOrDigit(c)
            || c == '_'
            || c == '-'
            || c == '.'
            || c == '['
            || c == ']')) {
          break;
        }
        k++;
      }
      if (k == first || k + 2 >= end) {
        return false;
      }
      return a[k] == '=' && a[k + 1] == '=' && Character.isDigit(a[k + 2]);
    }

    /** A line that starts like an environment dump ({@code collect_env}, {@code check_env}). */
    private boolean isEnvLine(int first, int end) {
      char c = a[first];
      if (c == '|') {
        int k = first + 1;
        while (k < end && a[k] == ' ') {
          k++;
        }
        return startsWith("NVIDIA-SMI", k, end);
      }
      if (c < 128 && ENV_MARKERS_BY_FIRST[c] != null) {
        for (String marker : ENV_MARKERS_BY_FIRST[c]) {
          if (startsWith(marker, first, end)) {
            return true;
          }
        }
      }
      return false;
    }

    // ------------------------------------------------------------ headings and html

    private boolean heading(int first, int end) {
      int k = first;
      while (k < end && a[k] == '#') {
        k++;
      }
      int level = k - first;
      if (level > 6 || (k < end && a[k] != ' ' && a[k] != '\t')) {
        return false;
      }
      String title = normalizeHeading(k, end);
      inTraceback = false;
      inEnvDetails = false;
      section = SECTION_NORMAL;
      if (matchesAny(title, DATA.envHeadings)) {
        section = SECTION_ENV;
      } else if (matchesAny(title, DATA.logHeadings)) {
        section = SECTION_LOG;
      } else if (matchesAny(title, DATA.templateHeadings)) {
        section = SECTION_TEMPLATE;
      }
      return true;
    }

    /**
     * Lower-case letters, digits, spaces and dots of a heading, without emoji and trailing dots.
     */
    private String normalizeHeading(int from, int end) {
      StringBuilder b = new StringBuilder(end - from);
      for (int i = from; i < end; i++) {
        char c = a[i];
        if (Character.isLetterOrDigit(c) || c == '.' || c == '_') {
          b.append(Character.toLowerCase(c));
        } else if (c == ' ' || c == '\t' || c == '-' || c == '/' || c == '&') {
          if (b.length() > 0 && b.charAt(b.length() - 1) != ' ') {
            b.append(' ');
          }
        }
      }
      int len = b.length();
      while (len > 0 && (b.charAt(len - 1) == ' ' || b.charAt(len - 1) == '.')) {
        len--;
      }
      b.setLength(len);
      return b.toString();
    }

    private static boolean matchesAny(String title, String[] names) {
      for (String name : names) {
        if (title.equals(name) || (title.startsWith(name) && title.charAt(name.length()) == ' ')) {
          return true;
        }
      }
      return false;
    }

    private boolean html(int first, int end) {
      if (startsWith("<!--", first, end)) {
        inComment = indexOf("-->", first + 4, end) < 0;
        return true;
      }
      if (startsWith("<details", first, end)) {
        return true;
      }
      if (startsWith("</details", first, end)) {
        inEnvDetails = false;
        return true;
      }
      if (startsWith("<summary", first, end)) {
        String summary = s.substring(first, end).toLowerCase(Locale.ROOT);
        if (summary.contains("collect_env")
            || summary.contains("environment")
            || summary.contains("env ")) {
          inEnvDetails = true;
        }
        return true;
      }
      return startsWith("</summary", first, end);
    }

    // ------------------------------------------------------------ log lines

    /** Whether a line outside fences is log output (cheap checks on its first characters). */
    private boolean isLogLine(int first, int end) {
      char c = a[first];
      if (inTraceback) {
        return true;
      }
      if ((c == 'T' && startsWith(TRACEBACK, first, end)) || endsWith(TRACEBACK_END, first, end)) {
        inTraceback = true;
        return true;
      }
      if (c == 'F' && startsWith("File \"", first, end)) {
        return true;
      }
      if (c == '[') {
        return first + 1 < end
            && (Character.isDigit(a[first + 1])
                || startsWith("[rank", first, end)
                || startsWith("[gpu_id", first, end)
                || startsWith("[TP", first, end)
                || startsWith("[pid", first, end));
      }
      if (c == '(') {
        int pid = indexOf(" pid=", first, Math.min(end, first + 48));
        return pid > 0;
      }
      if (c >= '0' && c <= '9') {
        return isTimestamp(first, end);
      }
      if (c == 'I' || c == 'W' || c == 'E' || c == 'D' || c == 'C') {
        if (logLevel(first, end)) {
          return true;
        }
      }
      if (c >= 'a' && c <= 'z') {
        return logPrefix(first, end);
      }
      if (Character.isLetter(c)) {
        return exceptionLine(first, end) || progressBar(first, end);
      }
      return false;
    }

    /** {@code INFO 07-26 14:06:20 ...}, {@code ERROR:root:...}, {@code WARNING [..]}. */
    private boolean logLevel(int first, int end) {
      for (String level : LOG_LEVELS) {
        if (startsWith(level, first, end)) {
          int k = first + level.length();
          if (k >= end) {
            return false;
          }
          char d = a[k];
          if (d == ':' || d == '[') {
            return true;
          }
          if (d == ' ' && k + 1 < end) {
            char e = a[k + 1];
            return Character.isDigit(e) || e == '[' || e == ' ';
          }
          return false;
        }
      }
      return false;
    }

    /** {@code 2024-07-26 14:06:20...} or {@code 14:06:20...}. */
    private boolean isTimestamp(int first, int end) {
      if (first + 8 <= end
          && isDigits(first, 2)
          && a[first + 2] == ':'
          && isDigits(first + 3, 2)
          && a[first + 5] == ':') {
        return true;
      }
      return first + 10 <= end
          && isDigits(first, 4)
          && a[first + 4] == '-'
          && isDigits(first + 5, 2)
          && a[first + 7] == '-'
          && isDigits(first + 8, 2);
    }

    private boolean isDigits(int from, int count) {
      for (int i = from; i < from + count; i++) {
        if (!Character.isDigit(a[i])) {
          return false;
        }
      }
      return true;
    }

    /**
     * A lower-case identifier with an underscore followed by a colon ({@code llama_model_load:},
     * {@code ggml_cuda_init:}), or llama.cpp's {@code main:}, {@code srv }, {@code slot }.
     */
    private boolean logPrefix(int first, int end) {
      if (startsWith("main: ", first, end)
          || startsWith("srv ", first, end)
          || startsWith("slot ", first, end)) {
        return true;
      }
      boolean underscore = false;
      int k = first;
      int limit = Math.min(end, first + 48);
      while (k < limit) {
        char c = a[k];
        if (c == '_') {
          underscore = true;
        } else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
          break;
        }
        k++;
      }
      return underscore && k + 1 < end && a[k] == ':' && a[k + 1] == ' ';
    }

    /** {@code RuntimeError: ...}, {@code torch.OutOfMemoryError: ...}. */
    private boolean exceptionLine(int first, int end) {
      int k = first;
      int limit = Math.min(end, first + 80);
      while (k < limit) {
        char c = a[k];
        if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_')) {
          break;
        }
        k++;
      }
      if (k == limit || a[k] != ':') {
        return false;
      }
      return endsWith("Error", first, k)
          || endsWith("Exception", first, k)
          || endsWith("Warning", first, k);
    }

    /** {@code Loading safetensors checkpoint shards: 50% Completed | 1/2 [...]}. */
    private boolean progressBar(int first, int end) {
      if (nextPercent < first) {
        nextPercent = s.indexOf('%', first);
        if (nextPercent < 0) {
          nextPercent = n;
        }
      }
      int pct = nextPercent;
      if (pct >= Math.min(end, first + 120) || pct + 2 > end) {
        return false;
      }
      return a[pct + 1] == '|' || startsWith(" Completed |", pct + 1, end);
    }

    // ------------------------------------------------------------ bounded string helpers

    private boolean startsWith(String prefix, int from, int end) {
      int length = prefix.length();
      if (end - from < length) {
        return false;
      }
      for (int k = 0; k < length; k++) {
        if (a[from + k] != prefix.charAt(k)) {
          return false;
        }
      }
      return true;
    }

    private boolean endsWith(String suffix, int from, int end) {
      return end - from >= suffix.length() && startsWith(suffix, end - suffix.length(), end);
    }

    /** The first index of {@code needle} within {@code [from, end)}, or -1. */
    private int indexOf(String needle, int from, int end) {
      int last = end - needle.length();
      char first = needle.charAt(0);
      for (int i = from; i <= last; i++) {
        if (a[i] == first && startsWith(needle, i, end)) {
          return i;
        }
      }
      return -1;
    }
  }
}
