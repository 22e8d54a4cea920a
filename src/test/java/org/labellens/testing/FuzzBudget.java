package org.labellens.testing;

import java.security.SecureRandom;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The budget of the fuzz properties. In the normal suite each property runs the bounded number of
 * tries and the fixed seed its {@code @Property} names, so the suite is fast and every run sees the
 * same inputs. For a long hunt, override both from the command line:
 *
 * <pre>
 * mvn -B test -Dtest='*FuzzTest' -Dlabellens.fuzz.tries=100000 -Dlabellens.fuzz.seed=random
 * </pre>
 *
 * <p>{@code labellens.fuzz.seed} takes a number (to replay a reported failure) or {@code random}.
 * jqwik prints the seed of every failing run, and shrinks the failing input before reporting it.
 */
public final class FuzzBudget implements AroundPropertyHook {
  public static final String TRIES = "labellens.fuzz.tries";
  public static final String SEED = "labellens.fuzz.seed";

  @Override
  public PropertyExecutionResult aroundProperty(
      PropertyLifecycleContext context, PropertyExecutor property) {
    String tries = System.getProperty(TRIES);
    boolean example = context.attributes().tries().orElse(2) <= 1;
    if (tries != null && !tries.isBlank() && !example) {
      context.attributes().setTries(Integer.parseInt(tries.trim()));
    }
    String seed = System.getProperty(SEED);
    if (seed != null && !seed.isBlank()) {
      context
          .attributes()
          .setSeed(
              seed.trim().equals("random")
                  ? Long.toString(new SecureRandom().nextLong())
                  : seed.trim());
    }
    return property.execute();
  }

  @Override
  public int aroundPropertyProximity() {
    return -20; // outside jqwik's own defaults, so the command line wins
  }

  @Override
  public PropagationMode propagateTo() {
    return PropagationMode.ALL_DESCENDANTS;
  }
}
