package org.labellens.cli;

import org.labellens.core.stats.AgreementOptions;
import org.labellens.core.stats.PercentileBootstrap;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The {@code --bootstrap} and {@code --seed} options of every command that reports intervals. */
final class BootstrapOptions {
  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(
      names = "--bootstrap",
      paramLabel = "B",
      defaultValue = "" + PercentileBootstrap.DEFAULT_REPLICATES,
      description =
          "Bootstrap replicates for the 95%% intervals, 0 for none (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(
      names = "--seed",
      paramLabel = "N",
      defaultValue = "" + PercentileBootstrap.DEFAULT_SEED,
      description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  long seed;

  /** The number of replicates, refused as a usage error when outside 0..MAX_REPLICATES. */
  int replicates() {
    if (bootstrap < 0 || bootstrap > AgreementOptions.MAX_REPLICATES) {
      throw new ParameterException(
          spec.commandLine(),
          "--bootstrap must be between 0 and " + AgreementOptions.MAX_REPLICATES);
    }
    return bootstrap;
  }

  long seed() {
    return seed;
  }
}
