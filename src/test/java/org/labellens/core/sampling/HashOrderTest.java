package org.labellens.core.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.labellens.core.model.IssueKey;

class HashOrderTest {
  @Test
  void drawHashIsSha256OfSeedRepoAndNumber() {
    // python3 -c "import hashlib; print(hashlib.sha256(b'1:vllm-project/vllm#1').hexdigest())"
    assertThat(HashOrder.drawHash(1, new IssueKey("vllm-project/vllm", 1)))
        .isEqualTo("3b6955480246ac3f2e9ee4537c4bb5bc03efe5c526dc6528c0a3380d2d796c96");
    assertThat(HashOrder.drawHash(42, new IssueKey("ggml-org/llama.cpp", 7)))
        .isEqualTo("4aee8c116002a9a89ce348a22747b049df29e4ce5722f5555e44208d9a0bab3f");
  }

  @Test
  void queueHashDependsOnTheAnnotator() {
    IssueKey issue = new IssueKey("vllm-project/vllm", 1);
    assertThat(HashOrder.queueHash(1, "alice", issue))
        .isNotEqualTo(HashOrder.queueHash(1, "bob", issue))
        .isEqualTo(HashOrder.sha256Hex("1:alice:vllm-project/vllm#1"));
  }

  @Test
  void uniformLiesInTheUnitInterval() {
    for (int i = 0; i < 1000; i++) {
      assertThat(HashOrder.uniform("x" + i)).isGreaterThanOrEqualTo(0).isLessThan(1);
    }
  }
}
