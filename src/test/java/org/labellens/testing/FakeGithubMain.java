package org.labellens.testing;

/**
 * Serves the fetch fixture as vllm-project/vllm on a local port until stopped, for trying {@code
 * labellens fetch --api-url} by hand. Arguments: optional faults, each {@code PATH_PART=FAULT}.
 */
public final class FakeGithubMain {
  private FakeGithubMain() {}

  public static void main(String[] args) throws Exception {
    FakeGithub server = new FakeGithub();
    server.repo(
        "vllm-project/vllm",
        FakeGithubMain.class.getResourceAsStream("/org/labellens/fetch/vllm-issues.json"));
    for (String a : args) {
      int eq = a.lastIndexOf('=');
      server.fault(a.substring(0, eq), FakeGithub.Fault.valueOf(a.substring(eq + 1)));
    }
    System.err.println(server.url());
    Thread.sleep(Long.MAX_VALUE);
  }
}
