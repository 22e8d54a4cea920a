package org.labellens.testing;

/**
 * Serves the fetch fixture as vllm-project/vllm on a local port until stopped, for trying {@code
 * labellens fetch --api-url} by hand. Arguments: optional faults, each {@code PATH_PART=FAULT}.
 */
public final class FakeGithubMain {
  private FakeGithubMain() {}

  public static void main(String[] args) throws Exception {
    // the faults are read before the server starts: a bad one leaves no server running
    java.util.List<String[]> faults = new java.util.ArrayList<>();
    for (String a : args) {
      int eq = a.lastIndexOf('=');
      FakeGithub.Fault.valueOf(a.substring(eq + 1));
      faults.add(new String[] {a.substring(0, eq), a.substring(eq + 1)});
    }
    FakeGithub server = new FakeGithub();
    server.repo(
        "vllm-project/vllm",
        FakeGithubMain.class.getResourceAsStream("/org/labellens/fetch/vllm-issues.json"));
    for (String[] f : faults) {
      server.fault(f[0], FakeGithub.Fault.valueOf(f[1]));
    }
    System.err.println(server.url());
    Thread.sleep(Long.MAX_VALUE);
  }
}
