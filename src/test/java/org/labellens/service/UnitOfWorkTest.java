package org.labellens.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.labellens.core.annotation.Decision;
import org.labellens.core.annotation.DecisionOrigin;
import org.labellens.core.annotation.DecisionValue;
import org.labellens.core.annotation.Phase;
import org.labellens.core.model.IssueKey;
import org.labellens.store.ConnectionSource;
import org.labellens.store.Dialect;
import org.labellens.store.Repositories;
import org.labellens.store.TxWork;
import org.labellens.testing.StudyProjects;

/**
 * Services are given repositories over a connection source, and a use case that writes to several
 * repositories does so in the one transaction the source hands out.
 */
class UnitOfWorkTest {
  @TempDir Path dir;
  Project project;

  @BeforeEach
  void setUp() {
    project = StudyProjects.create(dir, StudyProjects.specs(4));
    project
        .samples()
        .draw(
            new SampleRequest(
                "s",
                6,
                null,
                null,
                StudyProjects.RUN,
                null,
                null,
                null,
                null,
                3L,
                List.of("a"),
                "0",
                false));
  }

  @AfterEach
  void tearDown() {
    project.close();
  }

  /** The project's own source, counting writes and failing each one after its work when asked. */
  static final class Source implements ConnectionSource {
    final ConnectionSource inner;
    int writes;
    boolean failAfterWork;

    Source(ConnectionSource inner) {
      this.inner = inner;
    }

    @Override
    public <T> T write(TxWork<T> work) {
      writes++;
      return inner.write(
          tx -> {
            T result = work.run(tx);
            if (failAfterWork) {
              throw new IllegalStateException("the transaction fails after its work");
            }
            return result;
          });
    }

    @Override
    public <T> T writeBulk(TxWork<T> work) {
      return write(work);
    }

    @Override
    public <T> T read(TxWork<T> work) {
      return inner.read(work);
    }

    @Override
    public Dialect dialect() {
      return inner.dialect();
    }

    @Override
    public void close() {
      inner.close();
    }
  }

  private Decision decision() {
    IssueKey issue = project.samples().get("s").items().get(0).issue();
    return Decision.of(
            "s", issue, "a", "category", DecisionValue.set(List.of("gpu")), Phase.REVEALED)
        .withDecidedAt(Instant.parse("2025-03-02T10:15:00Z"));
  }

  @Test
  void aDecisionIsWrittenInOneTransactionOfTheGivenSource() {
    Source source = new Source(project.database());
    AnnotationService annotations = new AnnotationService(new Repositories(source));

    annotations.record(decision(), DecisionOrigin.IMPORT);

    assertThat(source.writes).isEqualTo(1);
    assertThat(ExchangeServiceTest.events(project)).isEqualTo(1);
    assertThat(project.annotations().decisions("s", "a", decision().issue())).hasSize(1);
  }

  @Test
  void aTransactionThatFailsLeavesNeitherTheEventNorTheDecision() {
    Source source = new Source(project.database());
    source.failAfterWork = true;
    AnnotationService annotations = new AnnotationService(new Repositories(source));

    assertThatThrownBy(() -> annotations.record(decision(), DecisionOrigin.IMPORT))
        .isInstanceOf(IllegalStateException.class);

    assertThat(ExchangeServiceTest.events(project)).isZero();
    assertThat(project.annotations().decisions("s", "a", decision().issue())).isEmpty();
  }
}
