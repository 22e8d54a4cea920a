package org.labellens.service.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.labellens.core.model.Issue;

/**
 * Synthetic, made-up issues for the demo project: titles, bodies with issue-template sections,
 * environment dumps, logs and tracebacks, and labels, in the style of LLM-serving bug reports. They
 * include the traps that fool substring keyword rules ("change" contains "hang", every link
 * contains "http", "MainThread" contains "thread"). Deterministic: the same seed gives the same
 * issues.
 */
public final class DemoIssues {
  /** Demo repositories: same framework names as the study's, invented owners so nothing is real. */
  public static final List<String> REPOS =
      List.of("demo-vllm/vllm", "demo-ggml/llama.cpp", "demo-sgl/sglang");

  private static final String[] FRAMEWORKS = {"vLLM", "llama.cpp", "SGLang"};

  private static final String[][] TITLES = {
    // memory
    {
      "CUDA out of memory when serving %s with max-model-len 32k",
      "Memory leak: RSS grows by ~200 MB per hour under steady load",
      "OOM on the second request after loading %s",
      "KV cache blocks never freed after client disconnects",
    },
    // performance
    {
      "Throughput drops 40%% after upgrading to the latest release",
      "Time to first token is slow with long prompts on %s",
      "Decode speed regression with speculative decoding enabled",
      "Latency spikes every few minutes under constant load",
    },
    // concurrency
    {
      "Deadlock between the scheduler and the detokenizer",
      "Race condition corrupts outputs with concurrent streaming requests",
      "Async engine hangs when two requests are aborted at once",
    },
    // gpu
    {
      "NCCL error during tensor parallel init on 8 GPUs",
      "Illegal memory access in the attention kernel on %s",
      "cuDNN version mismatch after driver update",
    },
    // api
    {
      "OpenAI-compatible endpoint returns 500 for tool calls",
      "Streaming response ends without the final [DONE] chunk",
      "Request timeout ignored for long generations",
    },
    // crash
    {
      "Server crashes with segfault when loading a GGUF file",
      "Process freezes and becomes unresponsive after ~2000 requests",
      "Core dump in the sampler with temperature 0",
    },
    // model
    {
      "Gibberish output with Q4_K_M quantization of %s",
      "Wrong results when loading fp16 weights of %s",
      "Chat template not applied for %s",
    },
    // scaling
    {
      "Multi-node pipeline parallel fails to start with Ray",
      "Load balancing across data-parallel replicas is uneven",
      "Distributed inference stalls when one node restarts",
    },
    // not a bug: questions, features, docs (traps for substring rules)
    {
      "[Feature]: support changing the chat template at runtime",
      "[Docs]: link to the REST examples is broken",
      "[Question]: how do I restart the server without losing the cache?",
      "[Feature]: add a multiprocessing start-method option",
      "[Usage]: exchange rates example in the docs",
    },
  };

  private static final String[] MODELS = {
    "Llama-3.1-8B-Instruct",
    "Qwen2.5-32B",
    "Mistral-7B-v0.3",
    "DeepSeek-V3",
    "gemma-2-9b",
    "Phi-3-mini",
    "Mixtral-8x7B",
  };

  private static final String[] GPUS = {
    "NVIDIA A100-SXM4-80GB",
    "NVIDIA H100 80GB HBM3",
    "NVIDIA GeForce RTX 4090",
    "NVIDIA L4",
    "AMD Instinct MI300X",
  };

  private static final String[][] LABELS = {
    {"bug"},
    {"bug", "performance"},
    {"bug"},
    {"bug"},
    {"bug"},
    {"bug", "crash"},
    {"bug"},
    {"bug"},
    {"enhancement"},
  };

  private DemoIssues() {}

  /** {@code perFramework} issues for each of the three demo repositories. */
  public static List<Issue> generate(int perFramework, long seed) {
    Random rnd = new Random(seed);
    List<Issue> issues = new ArrayList<>();
    Instant start = Instant.parse("2025-01-06T09:00:00Z");
    for (int f = 0; f < REPOS.size(); f++) {
      String repo = REPOS.get(f);
      int number = 1000 + rnd.nextInt(500);
      for (int k = 0; k < perFramework; k++) {
        number += 1 + rnd.nextInt(7);
        int kind = rnd.nextInt(10) < 8 ? rnd.nextInt(8) : 8;
        String[] pool = TITLES[kind];
        String model = MODELS[rnd.nextInt(MODELS.length)];
        String title = String.format(pool[rnd.nextInt(pool.length)], model);
        String prefix = FRAMEWORKS[f].equals("llama.cpp") ? "Eval bug: " : "[Bug]: ";
        if (kind < 8 && rnd.nextBoolean()) {
          title = prefix + title;
        }
        Instant created = start.plus(rnd.nextInt(330 * 24), ChronoUnit.HOURS);
        boolean closed = rnd.nextInt(3) > 0;
        List<String> labels = new ArrayList<>(List.of(LABELS[kind]));
        if (FRAMEWORKS[f].equals("llama.cpp") && labels.contains("bug")) {
          labels.set(labels.indexOf("bug"), "bug-unconfirmed");
        }
        if (rnd.nextInt(5) == 0) {
          labels.add("stale");
        }
        issues.add(
            new Issue(
                repo,
                number,
                FRAMEWORKS[f],
                title,
                body(rnd, kind, FRAMEWORKS[f], model, repo, number),
                labels,
                closed ? "closed" : "open",
                created.toString(),
                closed ? created.plus(1 + rnd.nextInt(900), ChronoUnit.HOURS).toString() : null,
                "https://github.com/" + repo + "/issues/" + number,
                "demo-user-" + (1 + rnd.nextInt(60)),
                rnd.nextInt(25)));
      }
    }
    return issues;
  }

  private static String body(
      Random rnd, int kind, String framework, String model, String repo, int n) {
    StringBuilder b = new StringBuilder();
    if (kind == 8) {
      b.append("### 🚀 The feature, motivation and pitch\n\n");
      b.append(
          switch (rnd.nextInt(4)) {
            case 0 ->
                "It would be great to change the chat template without a restart. "
                    + "See the discussion at https://example.org/discussions/"
                    + n
                    + " for context.\n";
            case 1 ->
                "The REST docs page links to an example that moved. Interest rates and exchange "
                    + "examples should also be updated.\n";
            case 2 ->
                "We use multiprocessing with spawn in our MainThread launcher and would like an option"
                    + " to choose the start method.\n";
            default ->
                "Could the docs explain how to restart a worker gracefully? Thanks for the great"
                    + " project!\n";
          });
      b.append("\n### Alternatives\n\n_No response_\n");
      return b.toString();
    }
    b.append(
        "### Your current environment\n\n<details>\n<summary>The output of `python collect_env.py`</summary>\n\n```text\n");
    b.append("PyTorch version: 2.")
        .append(4 + rnd.nextInt(3))
        .append(".0+cu12")
        .append(1 + rnd.nextInt(4))
        .append('\n');
    b.append(
        "Is debug build: False\nCUDA used to build PyTorch: 12.4\nOS: Ubuntu 22.04.4 LTS (x86_64)\n");
    b.append("Python version: 3.").append(10 + rnd.nextInt(3)).append('\n');
    b.append("GPU models and configuration:\nGPU 0: ")
        .append(GPUS[rnd.nextInt(GPUS.length)])
        .append('\n');
    b.append("Nvidia driver version: 550.").append(50 + rnd.nextInt(70)).append('\n');
    b.append("NCCL version: 2.21.5\nCPU: 64 cores, multi-threaded, 2 threads per core\n");
    b.append(
        "Versions of relevant libraries:\n[pip3] numpy==1.26.4\n[pip3] torch==2.5.1\n[pip3] transformers==4.46.0\n");
    b.append("```\n</details>\n\n");
    b.append("### 🐛 Describe the bug\n\n");
    b.append(describe(rnd, kind, framework, model));
    b.append("\n\nSteps to reproduce:\n\n1. Start the server:\n\n```bash\n");
    b.append(command(framework, model, rnd)).append("\n```\n");
    b.append(
            "2. Send a request:\n\n```bash\ncurl http://localhost:8000/v1/completions -H 'Content-Type: application/json' \\\n  -d '{\"model\": \"")
        .append(model)
        .append("\", \"prompt\": \"Hello\", \"max_tokens\": 128}'\n```\n\n");
    b.append("Logs:\n\n```\n").append(log(rnd, kind)).append("```\n");
    if (rnd.nextInt(3) == 0) {
      b.append("\nThis started after the change in https://github.com/")
          .append(repo)
          .append("/pull/")
          .append(n - 1 - rnd.nextInt(40))
          .append(".\n");
    }
    b.append(
        "\n### Before submitting a new issue...\n\n- [x] Make sure you already searched for relevant issues.\n");
    return b.toString();
  }

  private static String describe(Random rnd, int kind, String framework, String model) {
    return switch (kind) {
      case 0 ->
          "Serving "
              + model
              + " runs out of GPU memory after a few long requests. `nvidia-smi` shows"
              + " memory climbing and never going back down, even when idle.";
      case 1 ->
          "After the upgrade, tokens per second dropped from about "
              + (60 + rnd.nextInt(60))
              + " to "
              + (20 + rnd.nextInt(30))
              + " on the same hardware. Prompt processing seems fine; decode is slower.";
      case 2 ->
          "With several concurrent streaming clients, one request sometimes receives tokens that"
              + " belong to another one. It looks like a race between the scheduler step and output processing.";
      case 3 -> "Initialising tensor parallel fails on the second rank. Single GPU works.";
      case 4 ->
          "The OpenAI-compatible server returns HTTP 500 instead of a valid response when the request"
              + " contains tools. The error response body is empty.";
      case 5 ->
          "The server stops responding: the process is alive, the health check hangs, and no new"
              + " requests are scheduled. It only recovers after a restart.";
      case 6 ->
          "Outputs of "
              + model
              + " are garbage (repeated tokens) with this quantization; the"
              + " reference implementation gives coherent text for the same prompt.";
      default ->
          "Starting the "
              + framework
              + " server across two nodes fails; the second node never"
              + " joins the cluster and the first waits forever.";
    };
  }

  private static String command(String framework, String model, Random rnd) {
    return switch (framework) {
      case "vLLM" ->
          "vllm serve "
              + model
              + " --tensor-parallel-size "
              + (1 << rnd.nextInt(3))
              + " --max-model-len 32768";
      case "llama.cpp" ->
          "./llama-server -m models/" + model.toLowerCase() + "-q4_k_m.gguf -c 8192 -ngl 99";
      default ->
          "python -m sglang.launch_server --model-path " + model + " --tp " + (1 << rnd.nextInt(3));
    };
  }

  private static String log(Random rnd, int kind) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < 3 + rnd.nextInt(6); i++) {
      l.append("INFO 03-0")
          .append(1 + rnd.nextInt(9))
          .append(" 10:1")
          .append(rnd.nextInt(10))
          .append(":2")
          .append(rnd.nextInt(10))
          .append(" metrics.py:345] Avg prompt throughput: ")
          .append(rnd.nextInt(5000))
          .append(".0 tokens/s, Running: ")
          .append(rnd.nextInt(64))
          .append(" reqs, GPU KV cache usage: ")
          .append(rnd.nextInt(100))
          .append(".")
          .append(rnd.nextInt(10))
          .append("%\n");
    }
    if (kind == 0 || kind == 3 || kind == 5 || rnd.nextInt(3) == 0) {
      l.append("Traceback (most recent call last):\n");
      l.append("  File \"/usr/lib/python3.10/threading.py\", line 1016, in _bootstrap_inner\n");
      l.append("  File \"/app/engine/worker.py\", line ")
          .append(100 + rnd.nextInt(400))
          .append(", in execute_model\n");
      l.append(
          switch (kind) {
            case 0 -> "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB.\n";
            case 3 ->
                "RuntimeError: NCCL error in: ProcessGroupNCCL.cpp:1970, unhandled cuda error\n";
            case 5 -> "RuntimeError: Exception in thread MainThread: worker died unexpectedly\n";
            default -> "ValueError: unexpected response from engine core\n";
          });
    }
    return l.toString();
  }
}
