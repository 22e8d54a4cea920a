package org.labellens.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.labellens.core.model.BodyZone;

class BodyZonerTest {

  /** The zone of the first occurrence of {@code marker} in {@code body}. */
  private static BodyZone zoneOf(String body, String marker) {
    int at = body.indexOf(marker);
    assertThat(at).as("marker %s", marker).isGreaterThanOrEqualTo(0);
    return BodyZoner.zone(body).zoneAt(at);
  }

  private static final String VLLM_BUG =
      "### Your current environment\n\n"
          + "<details>\n<summary>The output of <code>python collect_env.py</code></summary>\n\n"
          + "```text\nPyTorch version: 2.3.0\nIs debug build: False\nnum_threads: 8\n```\n"
          + "</details>\n\n"
          + "### \ud83d\udc1b Describe the bug\n\n"
          + "The server hangs after a few requests.\n\n"
          + "```python\nfrom vllm import LLM\nllm = LLM(model=\"x\")\n```\n\n"
          + "```\nTraceback (most recent call last):\n  File \"a.py\", line 3, in <module>\n"
          + "torch.OutOfMemoryError: CUDA out of memory\n```\n\n"
          + "### Before submitting a new issue...\n\n"
          + "- [X] Make sure you already searched for relevant issues, see https://docs.vllm.ai\n";

  @Test
  void readsTheVllmBugTemplate() {
    assertThat(zoneOf(VLLM_BUG, "### Your current")).isEqualTo(BodyZone.TEMPLATE);
    assertThat(zoneOf(VLLM_BUG, "PyTorch version")).isEqualTo(BodyZone.ENV);
    assertThat(zoneOf(VLLM_BUG, "num_threads")).isEqualTo(BodyZone.ENV);
    assertThat(zoneOf(VLLM_BUG, "### \ud83d\udc1b Describe")).isEqualTo(BodyZone.TEMPLATE);
    assertThat(zoneOf(VLLM_BUG, "The server hangs")).isEqualTo(BodyZone.PROSE);
    assertThat(zoneOf(VLLM_BUG, "from vllm")).isEqualTo(BodyZone.CODE);
    assertThat(zoneOf(VLLM_BUG, "torch.OutOfMemoryError")).isEqualTo(BodyZone.LOG);
    assertThat(zoneOf(VLLM_BUG, "- [X] Make sure")).isEqualTo(BodyZone.TEMPLATE);
  }

  private static final String LLAMA_CPP_BUG =
      "### Name and Version\r\n\r\nversion: 3789 (d39e2674)\r\nbuilt with MSVC for x64\r\n\r\n"
          + "### Operating systems\r\n\r\n_No response_\r\n\r\n"
          + "### Problem description & steps to reproduce\r\n\r\n"
          + "It segfaults when offloading.\r\n"
          + "./llama-cli -m model.gguf -ngl 99 --threads 8\r\n\r\n"
          + "### Relevant log output\r\n\r\n```shell\r\n"
          + "llm_load_print_meta: model type = 7B\r\n"
          + "GGML_ASSERT: ggml.c:123: false\r\n```\r\n";

  @Test
  void readsTheLlamaCppBugTemplate() {
    assertThat(zoneOf(LLAMA_CPP_BUG, "version: 3789")).isEqualTo(BodyZone.ENV);
    assertThat(zoneOf(LLAMA_CPP_BUG, "_No response_")).isEqualTo(BodyZone.TEMPLATE);
    assertThat(zoneOf(LLAMA_CPP_BUG, "It segfaults")).isEqualTo(BodyZone.PROSE);
    assertThat(zoneOf(LLAMA_CPP_BUG, "./llama-cli")).isEqualTo(BodyZone.CODE);
    assertThat(zoneOf(LLAMA_CPP_BUG, "llm_load_print_meta")).isEqualTo(BodyZone.ENV);
    assertThat(zoneOf(LLAMA_CPP_BUG, "GGML_ASSERT")).isEqualTo(BodyZone.LOG);
  }

  @Test
  void readsTheSglangChecklistAndAnUnfencedTraceback() {
    String body =
        "### Checklist\n\n- [x] 1. I have searched related issues.\n\n### Describe the bug\n\n"
            + "Loading fails:\n"
            + "Init failed: Traceback (most recent call last):\n"
            + "  File \"/x/tp_worker.py\", line 150, in __init__\n"
            + "    self.model_runner = ModelRunner(\n"
            + "AttributeError: can't set attribute\n\n"
            + "Then I retried.\n";

    assertThat(zoneOf(body, "- [x] 1.")).isEqualTo(BodyZone.TEMPLATE);
    assertThat(zoneOf(body, "Loading fails")).isEqualTo(BodyZone.PROSE);
    assertThat(zoneOf(body, "Init failed")).isEqualTo(BodyZone.LOG);
    assertThat(zoneOf(body, "self.model_runner")).isEqualTo(BodyZone.LOG);
    assertThat(zoneOf(body, "AttributeError")).isEqualTo(BodyZone.LOG);
    assertThat(zoneOf(body, "Then I retried")).isEqualTo(BodyZone.PROSE);
  }

  @Test
  void commentsPackageListsAndConfigDumpsAreTemplateOrEnv() {
    String config =
        "INFO 01-02 10:00:00 llm_engine.py:1] Initializing an LLM engine with config: "
            + "model='m', tokenizer='m', dtype=torch.bfloat16, quantization=None, "
            + "tensor_parallel_size=1, device_config=cuda, seed=0, served_model_name=m";
    String body =
        "<!-- describe the bug\nplease -->\nIt fails.\n\n```\nray==2.10.0\nrequests==2.31.0\n"
            + "torch==2.3.0\n```\n\n```\n"
            + config
            + "\nERROR 01-02 10:00:01 engine.py:2] boom\n```\n";

    assertThat(zoneOf(body, "<!--")).isEqualTo(BodyZone.TEMPLATE);
    assertThat(zoneOf(body, "please -->")).isEqualTo(BodyZone.TEMPLATE);
    assertThat(zoneOf(body, "It fails")).isEqualTo(BodyZone.PROSE);
    assertThat(zoneOf(body, "ray==")).isEqualTo(BodyZone.ENV);
    assertThat(zoneOf(body, "Initializing")).isEqualTo(BodyZone.ENV);
    assertThat(zoneOf(body, "boom")).isEqualTo(BodyZone.LOG);
  }

  @Test
  void anUnclosedFenceRunsToTheEnd() {
    String body = "text\n```\ncode line\nmore";

    assertThat(BodyZoner.zone(body).toList())
        .containsExactly(
            new BodyZones.Zone(BodyZone.PROSE, 0, 5),
            new BodyZones.Zone(BodyZone.CODE, 5, body.length()));
  }

  @Test
  void anEmptyBodyHasNoZones() {
    assertThat(BodyZoner.zone("").size()).isZero();
  }

  /** Zones cover the body exactly, in order, without gaps, and neighbours differ in kind. */
  @Property(tries = 500)
  void zonesCoverTheBodyExactly(
      @ForAll
          @StringLength(max = 400)
          @Chars({
            '#', ' ', '\n', '\r', '`', '~', '-', '[', ']', 'x', 'T', 'F', '<', '>', '!', '_', 'a',
            ':', '=', '1', '"'
          })
          String body) {
    List<BodyZones.Zone> zones = BodyZoner.zone(body).toList();

    int at = 0;
    BodyZone previous = null;
    for (BodyZones.Zone z : zones) {
      assertThat(z.start()).isEqualTo(at);
      assertThat(z.end()).isGreaterThan(z.start());
      assertThat(z.kind()).isNotEqualTo(previous);
      at = z.end();
      previous = z.kind();
    }
    assertThat(at).isEqualTo(body.length());
  }
}
